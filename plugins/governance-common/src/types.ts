import type { Entity } from '@backstage/catalog-model';
import type { ObservedEdge } from '@internal/plugin-telemetry-common';

/** How bad a finding is: `error` breaks a rule of the product brief, `info` is worth a look. */
export type Severity = 'error' | 'warning' | 'info';

/** Every architecture rule, in the order the Governance page lists them. */
export const RULE_IDS = [
  'shared-database',
  'sync-chain-depth',
  'sync-cycle',
  'topic-without-consumer',
  'topic-without-producer',
  'personal-data-without-erasure',
  'undeclared-dependency',
  'stale-declaration',
  'missing-observability',
  'single-replica',
  'no-resource-limits',
  'no-readiness-probe',
] as const;

/** The stable id of an architecture rule. */
export type RuleId = (typeof RULE_IDS)[number];

/** One place where the architecture breaks one rule. */
export interface Finding {
  rule: RuleId;
  /**
   * Stable identity of this finding: the rule and the refs it is about (sorted, or in chain
   * order for chains and cycles), e.g. `shared-database:component:default/admin,…`. Waivers and
   * history attach to it; it changes only when the entities involved change.
   */
  key: string;
  severity: Severity;
  /** Every entity involved, canonical lower-case refs, the most relevant first. */
  entityRefs: string[];
  /** What is wrong, with the names: "legacy-db is used by 3 services: admin, billing and user-management". */
  message: string;
  /** Why it matters (the rule's reason). */
  why: string;
  /** How to fix it, concretely, for these entities. */
  fix: string;
  /** Owner refs (groups, or users) of the entities involved, sorted. */
  owners: string[];
  /** Systems (`system:<ns>/<name>`) of the entities involved, sorted. */
  systems: string[];
  /** Namespaces of the entities involved, sorted. */
  namespaces: string[];
}

/**
 * One edge of telemetry's observed service graph (`GET /api/telemetry/v1/edges`, the
 * `edges` of its `EdgeReport`). `declared` is the flag telemetry computes against the catalog;
 * when it is missing the rule engine computes it from the relations itself.
 */
export type ObservedEdgeInput = Pick<
  ObservedEdge,
  'from' | 'to' | 'kind' | 'count'
> &
  Partial<Pick<ObservedEdge, 'declared' | 'errors' | 'lastSeen'>>;

/**
 * A declared relation no span showed in the window: telemetry's `EdgeReport.neverObserved`
 * (only relations of services that had telemetry, towards something that could show up).
 */
export interface UnobservedDeclarationInput {
  from: string;
  to: string;
  /** The catalog relation: `dependsOn`, `consumesApi`, `produces`, `consumes`. */
  relation: string;
}

/** One container of a workload, as the deployments watch sees its pod template. */
export interface WorkloadContainerInput {
  name: string;
  /** Whether `resources.limits` sets cpu and memory (both). */
  hasLimits: boolean;
  /** Whether a `readinessProbe` is set. */
  hasReadinessProbe: boolean;
}

/** A Kubernetes workload (Deployment) of a catalog entity, from the deployments plugin. */
export interface WorkloadInput {
  /** The entity the workload belongs to (lower-case ref). */
  entityRef: string;
  cluster: string;
  /** The environment the cluster serves (`deployments.clusterEnvironments`); default: production. */
  environment?: string;
  namespace: string;
  name: string;
  /** `spec.replicas` (desired). */
  replicas: number;
  /** A HorizontalPodAutoscaler's `minReplicas`, when one targets the workload. */
  minReplicas?: number;
  /** The pod template's containers; undefined when unknown (the limits and probe rules skip it). */
  containers?: WorkloadContainerInput[];
}

/** Tunables of the rules (`governance.rules.*` in app-config). */
export interface GovernanceOptions {
  /** Broker name (`spec.topic`) or entity ref of the user-deletion topic, e.g. `user.deletion_requested`. */
  userDeletionTopic: string;
  /** Longest synchronous call chain allowed, in calls (default 2: a → b → c). */
  maxSyncDepth: number;
  /** API `spec.type`s that are synchronous calls (default openapi, grpc, graphql). */
  syncApiTypes: string[];
  /** `spec.lifecycle` values that count as production (default `production`). */
  productionLifecycles: string[];
  /** Workload environments that count as production (default `production`). */
  productionEnvironments: string[];
}

/** Everything the rules look at. A missing source skips the rules that need it. */
export interface GovernanceInput {
  /** The whole catalog, every namespace, with `relations` as the catalog serves them. */
  entities: Entity[];
  /** Telemetry's observed edges; undefined = telemetry not installed → undeclared-dependency is skipped. */
  observedEdges?: ObservedEdgeInput[];
  /** Telemetry's `neverObserved`; undefined → stale-declaration is skipped. */
  unobservedDeclarations?: UnobservedDeclarationInput[];
  /** Entity refs with spans in the window; undefined = unknown → traces are not checked. */
  servicesWithTraces?: string[];
  /** Workloads of catalog entities; undefined = deployments not installed → the Kubernetes rules are skipped. */
  workloads?: WorkloadInput[];
  /** Missing fields take {@link DEFAULT_GOVERNANCE_OPTIONS}. */
  options?: Partial<GovernanceOptions>;
}

/** What a rule is, for the UI and the API: its title, default severity, why and how to fix. */
export interface RuleMetadata {
  title: string;
  severity: Severity;
  why: string;
  fix: string;
  /** The data it needs besides the catalog; without it the rule does not run. */
  needs: 'catalog' | 'telemetry' | 'deployments';
}

/** The defaults of {@link GovernanceOptions}: the product brief's rules. */
export const DEFAULT_GOVERNANCE_OPTIONS: GovernanceOptions = {
  userDeletionTopic: 'user.deletion_requested',
  maxSyncDepth: 2,
  syncApiTypes: ['openapi', 'grpc', 'graphql'],
  productionLifecycles: ['production'],
  productionEnvironments: ['production'],
};
