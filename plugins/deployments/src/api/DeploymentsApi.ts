import { createApiRef } from '@backstage/frontend-plugin-api';
import {
  DoraReport,
  DoraWindow,
  RolloutList,
  ServiceDeploymentStatus,
} from '@internal/plugin-deployments-common';

/** Which rollouts to list: one service's, newest first. */
export interface RolloutQuery {
  entityRef: string;
  /** Only this environment's rollouts; all environments when absent. */
  environment?: string;
  /** At most this many (the backend caps it too). */
  limit?: number;
}

/** Whose DORA figures: one service's (`entityRef`) or a team's (`owner`, a group ref). */
export type DoraQuery = ({ entityRef: string } | { owner: string }) & {
  window: DoraWindow;
};

/** Talks to the deployments backend (`/api/deployments`). Errors are `ResponseError`s. */
export interface DeploymentsApi {
  /** What runs where for a service, from the backend's watch cache. */
  getStatus(entityRef: string): Promise<ServiceDeploymentStatus>;
  /** A service's rollouts, newest first. */
  getRollouts(query: RolloutQuery): Promise<RolloutList>;
  /** DORA figures of a service or a team over a window ending now. */
  getDora(query: DoraQuery): Promise<DoraReport>;
}

/** `plugin.deployments.service`: the {@link DeploymentsApi}. */
export const deploymentsApiRef = createApiRef<DeploymentsApi>({
  id: 'plugin.deployments.service',
});
