import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import {
  CheckResult,
  EntityScore,
  Finding,
  GovernanceConfig,
  rollup,
  Rollup,
  scorecard,
} from '@internal/plugin-governance-common';
import { Evaluation, EvaluationStore } from '../database/EvaluationStore';
import { Waiver, WaiverStore } from '../database/WaiverStore';
import {
  applyCheckWaivers,
  WaivedCheckResult,
  WaiverIndex,
} from '../evaluation/waivers';
import type {
  OnDemandChecks,
  OnDemandResult,
} from '../onDemand/OnDemandChecks';
import { groupAndDescendants } from './groupTree';

/** Filters of the findings list; refs already normalised to lower case. */
export interface FindingFilters {
  rule?: string;
  entityRef?: string;
  owner?: string;
  namespace?: string;
}

export interface FindingView extends Finding {
  waived: boolean;
  waiver?: Waiver;
}

export interface ScorecardView extends EntityScore {
  results: WaivedCheckResult[];
}

export interface RollupView extends Rollup {
  openFindings: number;
}

/**
 * What the API and the MCP action answer, computed from the latest stored evaluation and the
 * waivers in force now: a waiver created or expired since the evaluation counts at once.
 */
export class GovernanceViews {
  private rollupCache?: { key: string; items: RollupView[] };

  constructor(
    private readonly evaluations: EvaluationStore,
    private readonly waivers: WaiverStore,
    private readonly governance: GovernanceConfig,
    /** Checks an entity the latest evaluation has not seen; without it that is a 404. */
    private readonly onDemand?: OnDemandChecks,
  ) {}

  /** The latest evaluation and the waivers in force; undefined before the first evaluation. */
  async currentIfAny(): Promise<
    { evaluation: Evaluation; waivers: WaiverIndex } | undefined
  > {
    const [evaluation, waivers] = await Promise.all([
      this.evaluations.latest(),
      this.waivers.list(),
    ]);
    return evaluation && { evaluation, waivers: new WaiverIndex(waivers) };
  }

  /** The latest evaluation and the waivers in force; 503 before the first evaluation. */
  async current(): Promise<{ evaluation: Evaluation; waivers: WaiverIndex }> {
    const current = await this.currentIfAny();
    if (!current) {
      throw new ServiceUnavailableError(
        'No governance evaluation has finished yet: the first one runs when the backend starts; try again in a minute',
      );
    }
    return current;
  }

  async findings(filters: FindingFilters) {
    const { evaluation, waivers } = await this.current();
    const items: FindingView[] = evaluation.findings
      .filter(
        f =>
          (!filters.rule || f.rule === filters.rule) &&
          (!filters.entityRef || f.entityRefs.includes(filters.entityRef)) &&
          (!filters.owner || f.owners.includes(filters.owner)) &&
          (!filters.namespace || f.namespaces.includes(filters.namespace)),
      )
      .map(f => {
        const waiver = waivers.forFinding(f.key);
        return waiver
          ? { ...f, waived: true, waiver }
          : { ...f, waived: false };
      });
    return { evaluation, items };
  }

  /**
   * Scorecards of one entity, or of every entity an owner owns: directly, or through a group
   * below it (engineering covers its teams' services). An entity the latest evaluation has not
   * seen (registered since) is checked now from the catalog, and `onDemand` says so.
   */
  async scorecards(about: { entityRef: string } | { owner: string }): Promise<{
    evaluation: Evaluation;
    items: ScorecardView[];
    onDemand?: Omit<OnDemandResult, 'results'>;
  }> {
    const { evaluation, waivers } = await this.current();
    let refs: Set<string>;
    let checkResults: CheckResult[];
    let onDemand: Omit<OnDemandResult, 'results'> | undefined;
    if ('entityRef' in about) {
      refs = new Set([about.entityRef]);
      if (evaluation.entities.some(e => refOf(e) === about.entityRef)) {
        checkResults = evaluation.checkResults;
      } else {
        const { results, ...now } = await this.checkNow(
          about.entityRef,
          evaluation,
        );
        checkResults = results;
        onDemand = now;
      }
    } else {
      const owners = groupAndDescendants(evaluation.entities, about.owner);
      refs = new Set(
        evaluation.entities
          .filter(e => {
            const owner = ownerOf(e);
            return owner !== undefined && owners.has(owner);
          })
          .map(refOf),
      );
      checkResults = evaluation.checkResults;
    }
    const results = applyCheckWaivers(
      checkResults.filter(r => refs.has(r.entityRef)),
      waivers,
    );
    const byEntity = new Map<string, WaivedCheckResult[]>();
    for (const result of results) {
      const list = byEntity.get(result.entityRef) ?? [];
      list.push(result);
      byEntity.set(result.entityRef, list);
    }
    const items: ScorecardView[] = scorecard(results, this.governance.levels)
      .filter(score => refs.has(score.entityRef))
      .map(score => ({
        ...score,
        results: byEntity.get(score.entityRef) ?? [],
      }));
    return { evaluation, items, ...(onDemand ? { onDemand } : {}) };
  }

  /** The checks of an entity the evaluation has not seen, run now; 404 when the catalog lacks it too. */
  private async checkNow(
    entityRef: string,
    evaluation: Evaluation,
  ): Promise<OnDemandResult> {
    const notFound = () =>
      new NotFoundError(
        `No entity ${entityRef} in the latest evaluation (evaluation ${evaluation.id}) or the catalog`,
      );
    if (!this.onDemand) throw notFound();
    let result;
    try {
      result = await this.onDemand.check(entityRef, evaluation);
    } catch (error) {
      throw new ServiceUnavailableError(
        `${entityRef} is newer than the latest evaluation (evaluation ${
          evaluation.id
        }) and the catalog could not be asked for it: ${
          (error as Error).message
        }`,
      );
    }
    if (!result) throw notFound();
    return result;
  }

  async rollups(by: 'owner' | 'system' | 'organisation') {
    const { evaluation, waivers } = await this.current();
    const key = `${evaluation.id}\u0000${by}\u0000${waivers.fingerprint()}`;
    if (this.rollupCache?.key !== key) {
      // Scoring every entity of a large organisation takes seconds: computed once per
      // evaluation, grouping and set of waivers in force, not per request.
      const scores = scorecard(
        applyCheckWaivers(evaluation.checkResults, waivers),
        this.governance.levels,
      );
      const open = evaluation.findings.filter(f => !waivers.forFinding(f.key));
      const openCounts = new Map<string, number>();
      for (const finding of open) {
        for (const group of groupsOf(finding, by)) {
          openCounts.set(group, (openCounts.get(group) ?? 0) + 1);
        }
      }
      this.rollupCache = {
        key,
        items: rollup(scores, by, evaluation.entities).map(r => ({
          ...r,
          openFindings: openCounts.get(r.key) ?? 0,
        })),
      };
    }
    return { evaluation, items: this.rollupCache.items };
  }
}

/** The rollup groups a finding counts towards. */
function groupsOf(
  finding: Finding,
  by: 'owner' | 'system' | 'organisation',
): string[] {
  if (by === 'owner') return finding.owners;
  if (by === 'system') return finding.systems;
  return ['organisation'];
}

function refOf(entity: Evaluation['entities'][number]): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

/** The owner as the catalog resolved it (the ownedBy relation), else spec.owner as written. */
export function ownerOf(
  entity: Evaluation['entities'][number],
): string | undefined {
  const relation = entity.relations?.find(r => r.type === 'ownedBy');
  if (relation) return relation.targetRef.toLocaleLowerCase('en-US');
  const owner = entity.spec?.owner;
  if (typeof owner !== 'string') return undefined;
  return (
    owner.includes(':')
      ? owner
      : `group:${entity.metadata.namespace ?? 'default'}/${owner}`
  ).toLocaleLowerCase('en-US');
}
