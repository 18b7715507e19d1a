import type { GovernanceOptions, RuleId } from '../types';

/** A value a condition compares a fact with. */
export type FactValue = string | number | boolean;

/**
 * The condition language of checks: small, declarative, written in app-config.
 *
 * Facts (`fact`) are read from the entity the check runs on:
 * - a path into the entity: `spec.tier`, `metadata.annotations["strata.dev/slo-file"]`,
 *   `metadata.links[*].title` (`[*]` collects a list);
 * - the same path on the entity's owner, prefixed `owner.`: `owner.metadata.annotations["…"]`;
 * - `ownerExists` (boolean): `spec.owner` names an entity in the catalog;
 * - `onCall`: the on-call primary (`strata.dev/oncall-primary`) of the owner or, as the
 *   ownership lookup does, of the nearest group above it;
 * - `hasTraces` (boolean, from telemetry; unknown without it);
 * - `replicas` (number: the fewest desired replicas of its production workloads, from
 *   deployments; unknown without it or without workloads);
 * - `recommendations` (list of the service model's missing-field rule ids, e.g. `service-tier`,
 *   from `modelRecommendations`).
 *
 * A condition on a fact that is unknown gives an unknown result (see {@link CheckResult}).
 */
export type Condition =
  | { fact: string; op: 'exists' | 'absent' | 'truthy' }
  | {
      fact: string;
      op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte';
      value: FactValue;
    }
  | { fact: string; op: 'in' | 'notIn'; value: FactValue[] }
  /** Some value (any item of a list) matches the regular expression, case-insensitively. */
  | { fact: string; op: 'matches'; value: string }
  /** The list fact contains / does not contain the value. */
  | { fact: string; op: 'includes' | 'excludes'; value: FactValue }
  /** No (unwaived) finding of these rules involves the entity. */
  | { noFindings: RuleId[] }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

/** Fact operators, for validation and the UI. */
export const CONDITION_OPS = [
  'exists',
  'absent',
  'truthy',
  'eq',
  'ne',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'notIn',
  'matches',
  'includes',
  'excludes',
] as const;

/** Which entities a check runs on; each field a value or a list (any of them), all fields must match. */
export interface CheckAppliesTo {
  /** Entity kind, case-insensitive, e.g. `component`. */
  kind?: string | string[];
  /** `spec.type`, e.g. `service`. */
  type?: string | string[];
  /** `spec.tier`, e.g. `[1, 2]`. */
  tier?: number | number[];
  /** `spec.lifecycle`, e.g. `production`. */
  lifecycle?: string | string[];
}

/** A check as code (`governance.checks`). */
export interface CheckDefinition {
  /** Stable id, e.g. `has-slo`: results, levels and waivers refer to it. */
  id: string;
  title: string;
  description: string;
  /** Why it matters. */
  rationale: string;
  /** How to make it pass. */
  fix: string;
  appliesTo: CheckAppliesTo;
  condition: Condition;
}

/** One check on one entity, with what was found. */
export interface CheckResult {
  checkId: string;
  entityRef: string;
  passed: boolean;
  /** What was found, e.g. `spec.tier = 1` or `no SLO file: metadata.annotations["strata.dev/slo-file"] is absent`. */
  evidence: string;
  /**
   * True when a fact it needs is not available (telemetry or deployments not installed): then
   * `passed` is false, and scorecards neither count it nor let it block a level.
   */
  unknown?: boolean;
}

/**
 * Why an input the checks read is absent, when it is not because its plugin is not installed:
 * an entity checked on demand (registered after the latest evaluation) has its catalog facts but
 * neither telemetry, workloads nor the architecture findings of the whole graph yet.
 */
export interface CheckInputsMissing {
  /** Why `hasTraces` is unknown (default: telemetry is not installed). */
  telemetry?: string;
  /** Why `replicas` is unknown (default: deployments is not installed). */
  deployments?: string;
  /** Why `noFindings` is unknown; only read when no findings are given. */
  findings?: string;
}

/** A level of the scorecard (Bronze, Silver, Gold): reached when its checks and every lower level's pass. */
export interface LevelDefinition {
  id: string;
  title: string;
  /** Ids of the checks this level adds. */
  checks: string[];
}

/** An entity's scorecard. */
export interface EntityScore {
  entityRef: string;
  /** Id of the highest level reached, or null. */
  level: string | null;
  /** The checks that ran on it (results that are not unknown). */
  passed: number;
  total: number;
  /** Ids of the failing checks, sorted. */
  failing: string[];
  /** The next level and the checks it still fails; absent at the top. */
  next?: { level: string; failing: string[] };
}

/** Scorecards summed over a team, a system or the organisation. */
export interface Rollup {
  by: 'owner' | 'system' | 'organisation';
  /** Owner or system ref; `organisation` for the whole catalog. */
  key: string;
  entities: number;
  /** How many entities reached each level (as their highest), keyed by level id, `none` for none. */
  levels: Record<string, number>;
  checksPassed: number;
  checksTotal: number;
  /** checksPassed / checksTotal, 1 when nothing ran. */
  passRate: number;
}

/** What `governance.*` in app-config says. */
export interface GovernanceConfig {
  checks: CheckDefinition[];
  levels: LevelDefinition[];
  options: GovernanceOptions;
}
