/**
 * Rollout and incident history: recorded from the Kubernetes watch and accepted from CI/CD and
 * incident tools at `POST /api/deployments/v1/events` (one object or an array).
 */

export type DeploymentOutcome = 'succeeded' | 'failed' | 'rolled_back';

/** A deployment event as a CD system posts it. `id` makes a retried post harmless. */
export interface DeploymentEvent {
  kind: 'deployment';
  id: string;
  entityRef: string;
  environment: string;
  version?: string;
  commitSha?: string;
  /** When the change was committed (ISO 8601): lead time = finishedAt − commitTime. */
  commitTime?: string;
  startedAt: string;
  finishedAt?: string;
  outcome?: DeploymentOutcome;
}

/** An incident as an incident tool posts it. */
export interface IncidentEvent {
  kind: 'incident';
  id: string;
  entityRef: string;
  environment: string;
  startedAt: string;
  restoredAt?: string;
}

export type HistoryEvent = DeploymentEvent | IncidentEvent;

/** What happened to each posted event, in request order. */
export interface AcceptedEvent {
  kind: HistoryEvent['kind'];
  id: string;
  result: 'created' | 'updated' | 'unchanged';
}

export interface PostEventsResponse {
  accepted: AcceptedEvent[];
}

/** One rollout, merged from every source that reported it (same id = same rollout). */
export interface Rollout {
  id: string;
  entityRef: string;
  environment: string;
  version?: string;
  commitSha?: string;
  commitTime?: string;
  startedAt: string;
  finishedAt?: string;
  /** Absent while in progress. */
  outcome?: DeploymentOutcome;
  durationSeconds?: number;
  /** Present when the watch saw it. */
  kubernetes?: {
    cluster: string;
    namespace: string;
    workload: string;
    revision: string;
    image: string;
  };
  /** Which sources reported it. */
  sources: Array<'kubernetes' | 'api'>;
}

export interface Incident {
  id: string;
  entityRef: string;
  environment: string;
  startedAt: string;
  restoredAt?: string;
}

export interface RolloutList {
  items: Rollout[];
}
