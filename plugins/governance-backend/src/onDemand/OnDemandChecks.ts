/*
 * The checks of one entity the latest evaluation has not seen yet (registered since): run now,
 * by the same pure evaluateChecks, over the entity, its owner and the groups above it read from
 * the catalog. Checks are per entity; what needs more than the catalog — traces (telemetry),
 * replicas (deployments) and architecture findings (the whole graph) — is unknown, its evidence
 * saying it comes with the next evaluation, so the scorecard neither counts nor blocks on it.
 */
import type {
  CheckResult,
  GovernanceConfig,
} from '@internal/plugin-governance-common';
import { evaluateChecks } from '@internal/plugin-governance-common';
import type { EvaluationSummary } from '../database/EvaluationStore';
import { ReadEntities, readEntityWithOwners } from './readEntityWithOwners';

export interface OnDemandResult {
  results: CheckResult[];
  /** Epoch ms. */
  evaluatedAt: number;
  /** What was and was not evaluated, in words. */
  reason: string;
  /** By when the next evaluation starts at the latest (epoch ms), when known. */
  nextEvaluationBy?: number;
}

const NEXT = 'not evaluated yet: comes with the next evaluation';

/** Why a source is missing: it comes with the next evaluation, or the latest one did not have it either. */
function pendingOr(source: string, status: string, what: string) {
  return status === 'ok'
    ? `${NEXT} (${what} from ${source})`
    : `${what} needs ${source}, which is ${status}`;
}

export class OnDemandChecks {
  private readonly now: () => number;

  constructor(
    private readonly options: {
      read: ReadEntities;
      governance: GovernanceConfig;
      /** By when the next evaluation starts, given when the latest one started (epoch ms). */
      nextEvaluationBy?: (
        latestStartedAt: number,
        now: number,
      ) => number | undefined;
      now?: () => number;
    },
  ) {
    this.now = options.now ?? Date.now;
  }

  /** The entity's check results now, or undefined when the catalog does not have it either. */
  async check(
    entityRef: string,
    latest: EvaluationSummary,
  ): Promise<OnDemandResult | undefined> {
    const { read, governance } = this.options;
    const entities = await readEntityWithOwners(entityRef, read);
    if (!entities) return undefined;
    const results = evaluateChecks(
      { entities, options: governance.options },
      governance.checks,
      undefined,
      {
        telemetry: pendingOr(
          'telemetry',
          latest.sources.telemetry,
          'hasTraces',
        ),
        deployments: pendingOr(
          'deployments',
          latest.sources.deployments,
          'replicas',
        ),
        findings: `${NEXT} (architecture findings need the whole catalog graph)`,
      },
    ).filter(result => result.entityRef === entityRef);
    const now = this.now();
    const next = this.options.nextEvaluationBy?.(latest.startedAt, now);
    return {
      results,
      evaluatedAt: now,
      reason: `${entityRef} is newer than the latest evaluation (${
        latest.id
      }, finished ${new Date(
        latest.finishedAt,
      ).toISOString()}): its checks were evaluated now from the catalog; traces, replicas and architecture findings come with the next evaluation`,
      ...(next !== undefined ? { nextEvaluationBy: next } : {}),
    };
  }
}
