import type { Entity } from '@backstage/catalog-model';
import { RELATION_CHILD_OF } from '@backstage/catalog-model';
import { ANNOTATION_ONCALL_PRIMARY } from '@internal/plugin-ownership-common';
import { modelRecommendations } from '@internal/plugin-service-model-common';
import { CatalogIndex, displayName, refOf } from '../graph/CatalogIndex';
import type { Finding, GovernanceInput, GovernanceOptions } from '../types';
import { parseFactPath, PathSegment, readPath } from './factPath';
import type { CheckInputsMissing } from './types';

/** A fact's value, or why it cannot be known here. */
export type FactValueResult =
  | { known: true; value: unknown; note?: string }
  | { known: false; reason: string };

/** Facts computed from the other sources rather than read from the entity. */
export const DERIVED_FACTS = [
  'ownerExists',
  'onCall',
  'hasTraces',
  'replicas',
  'recommendations',
] as const;

const OWNER_PREFIX = 'owner.';

/** Throws when the fact is neither a derived fact nor a valid path (`owner.` + path allowed). */
export function validateFact(fact: string): void {
  if ((DERIVED_FACTS as readonly string[]).includes(fact)) return;
  parseFactPath(fact.startsWith(OWNER_PREFIX) ? fact.slice(OWNER_PREFIX.length) : fact);
}

/**
 * Everything checks read besides the entity itself, indexed once per evaluation: the catalog,
 * which services sent traces, the fewest replicas of each entity's production workloads, and
 * the findings per entity.
 */
export class FactSource {
  private readonly traced?: Set<string>;
  private readonly replicas?: Map<string, number>;
  private readonly findingsByRef = new Map<string, Finding[]>();
  /** Why the findings are not known; undefined when they are. */
  readonly findingsUnknown?: string;
  private readonly paths = new Map<string, PathSegment[]>();

  constructor(
    readonly index: CatalogIndex,
    input: GovernanceInput,
    options: GovernanceOptions,
    findings: Finding[] | undefined,
    private readonly missing: CheckInputsMissing = {},
  ) {
    if (!findings) {
      this.findingsUnknown = missing.findings ?? 'the architecture findings are not known';
    }
    if (input.servicesWithTraces) {
      this.traced = new Set(
        input.servicesWithTraces.map(r => r.toLowerCase()),
      );
    }
    if (input.workloads) {
      const environments = new Set(options.productionEnvironments);
      this.replicas = new Map();
      for (const workload of input.workloads) {
        if (!environments.has(workload.environment ?? 'production')) continue;
        const ref = workload.entityRef.toLowerCase();
        const count = workload.minReplicas ?? workload.replicas;
        this.replicas.set(ref, Math.min(count, this.replicas.get(ref) ?? Infinity));
      }
    }
    for (const finding of findings ?? []) {
      for (const ref of finding.entityRefs) {
        const list = this.findingsByRef.get(ref) ?? [];
        list.push(finding);
        this.findingsByRef.set(ref, list);
      }
    }
  }

  findingsOf(ref: string): Finding[] {
    return this.findingsByRef.get(ref) ?? [];
  }

  private path(fact: string): PathSegment[] {
    let segments = this.paths.get(fact);
    if (!segments) {
      segments = parseFactPath(fact);
      this.paths.set(fact, segments);
    }
    return segments;
  }

  /**
   * The on-call primary of the entity's owner, as the ownership lookup finds it in the catalog:
   * the owner's annotation, else the nearest parent group's (childOf, walked up once each).
   */
  private onCall(ref: string): FactValueResult {
    const owner = this.index.ownerOf(ref);
    const seen = new Set<string>();
    for (let group = owner; group && !seen.has(group); ) {
      seen.add(group);
      const primary =
        this.index.entity(group)?.metadata.annotations?.[ANNOTATION_ONCALL_PRIMARY];
      if (primary) {
        return { known: true, value: primary, note: `${ANNOTATION_ONCALL_PRIMARY} on ${displayName(group)}` };
      }
      [group] = this.index.targets(group, RELATION_CHILD_OF);
    }
    return {
      known: true,
      value: undefined,
      note: owner
        ? `no ${ANNOTATION_ONCALL_PRIMARY} on ${displayName(owner)} or its parents`
        : 'no owner',
    };
  }

  /** The value of `fact` for the entity. */
  read(fact: string, entity: Entity): FactValueResult {
    const ref = refOf(entity);
    switch (fact) {
      case 'ownerExists': {
        const owner = this.index.ownerOf(ref);
        const exists = owner !== undefined && this.index.entity(owner) !== undefined;
        return {
          known: true,
          value: exists,
          note: owner
            ? `owner ${displayName(owner)} ${exists ? 'is' : 'is not'} in the catalog`
            : 'no owner',
        };
      }
      case 'onCall':
        return this.onCall(ref);
      case 'hasTraces':
        if (!this.traced) {
          return {
            known: false,
            reason: this.missing.telemetry ?? 'hasTraces needs telemetry, which is not installed',
          };
        }
        return { known: true, value: this.traced.has(ref) };
      case 'replicas': {
        if (!this.replicas) {
          return {
            known: false,
            reason: this.missing.deployments ?? 'replicas needs deployments, which is not installed',
          };
        }
        const count = this.replicas.get(ref);
        return count === undefined
          ? { known: false, reason: 'no production workload of it is known to deployments' }
          : { known: true, value: count };
      }
      case 'recommendations': {
        const recommendations = modelRecommendations(entity);
        return {
          known: true,
          value: recommendations.map(r => r.rule),
          note: recommendations.map(r => `${r.path}: ${r.message}`).join('; '),
        };
      }
      default:
        break;
    }
    if (fact.startsWith(OWNER_PREFIX)) {
      const owner = this.index.ownerOf(ref);
      const ownerEntity = owner ? this.index.entity(owner) : undefined;
      if (!ownerEntity) {
        return {
          known: true,
          value: undefined,
          note: owner ? `owner ${displayName(owner)} is not in the catalog` : 'no owner',
        };
      }
      return {
        known: true,
        value: readPath(ownerEntity, this.path(fact.slice(OWNER_PREFIX.length))),
        note: `on owner ${displayName(owner!)}`,
      };
    }
    return { known: true, value: readPath(entity, this.path(fact)) };
  }
}
