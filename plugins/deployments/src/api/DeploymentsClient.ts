import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import {
  DeploymentsApiClient,
  DoraReport,
  RolloutList,
  ServiceDeploymentStatus,
} from '@internal/plugin-deployments-common';
import { DeploymentsApi, DoraQuery, RolloutQuery } from './DeploymentsApi';

/**
 * {@link DeploymentsApi} over HTTP with the signed-in user's token, through the client generated
 * from the backend's OpenAPI spec (non-2xx answers are `ResponseError`s). The components use the
 * contract types of deployments-common, which the generated models match.
 */
export class DeploymentsClient implements DeploymentsApi {
  private readonly client: DeploymentsApiClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.client = new DeploymentsApiClient(options);
  }

  async getStatus(entityRef: string): Promise<ServiceDeploymentStatus> {
    return this.client.getStatus({ query: { entityRef } });
  }

  async getRollouts(query: RolloutQuery): Promise<RolloutList> {
    return this.client.listRollouts({ query });
  }

  async getDora(query: DoraQuery): Promise<DoraReport> {
    const scope =
      'owner' in query
        ? { owner: query.owner }
        : { entityRef: query.entityRef };
    return this.client.getDora({ query: { ...scope, window: query.window } });
  }
}
