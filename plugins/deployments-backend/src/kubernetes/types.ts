/*
 * The seam between the Kubernetes watch (this folder) and the rest of the deployments plugin
 * (history, router): status is read from the watch cache, and rollouts the watch observes are
 * handed to a sink that upserts them by id.
 */
import { Entity } from '@backstage/catalog-model';
import { ServiceDeploymentStatus } from '@internal/plugin-deployments-common';

export interface DeploymentStatusSource {
  /** From the watch cache; cheap; never calls the API server. */
  getStatus(entity: Entity): Promise<ServiceDeploymentStatus>;
}

/** A rollout as the watch saw it: start (outcome undefined) and again when it ends. */
export interface ObservedRollout {
  /**
   * `strata.dev/deployment-id` annotation on the Deployment when a CD system set it (so CD events
   * and the watch merge), else `k8s:<cluster>/<namespace>/<deployment>@<revision>`.
   */
  id: string;
  /** Value of the Deployment's `backstage.io/kubernetes-id` label (D2 maps it to an entity via the catalog), if any. */
  kubernetesId?: string;
  cluster: string;
  environment: string;
  namespace: string;
  workload: string;
  revision: string;
  image: string;
  version: string;
  startedAt: string;
  finishedAt?: string;
  outcome?: 'succeeded' | 'failed' | 'rolled_back';
  /** From a `strata.dev/commit-sha` annotation, if present. */
  commitSha?: string;
}

export interface RolloutSink {
  recordObservedRollout(rollout: ObservedRollout): Promise<void>;
}
