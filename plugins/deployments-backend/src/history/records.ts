import { DeploymentOutcome } from '@internal/plugin-deployments-common';

/** Who reported a rollout: a CD system through the API, or the Kubernetes watch. */
export type RolloutSource = 'api' | 'kubernetes';

/** Where the watch saw a rollout happen. */
export interface KubernetesPlacement {
  cluster: string;
  namespace: string;
  workload: string;
  revision: string;
  image: string;
}

/**
 * A rollout as the store keeps it: times as epoch milliseconds (so windows compare as numbers on
 * every database), the entity ref lower-cased (refs are case-insensitive).
 */
export interface RolloutRecord {
  id: string;
  entityRef: string;
  environment: string;
  version?: string;
  commitSha?: string;
  commitTime?: number;
  startedAt: number;
  finishedAt?: number;
  outcome?: DeploymentOutcome;
  kubernetes?: KubernetesPlacement;
  sources: RolloutSource[];
}

/** What one report (a posted event, a watch observation) says about a rollout. */
export type RolloutReport = Omit<RolloutRecord, 'sources'> & {
  source: RolloutSource;
};

export interface IncidentRecord {
  id: string;
  entityRef: string;
  environment: string;
  startedAt: number;
  restoredAt?: number;
}

/** One fact to record: the store merges it into what it already has under the same id. */
export type HistoryReport =
  | { kind: 'deployment'; rollout: RolloutReport }
  | { kind: 'incident'; incident: IncidentRecord };

/** What recording a report did. */
export type RecordResult = 'created' | 'updated' | 'unchanged';
