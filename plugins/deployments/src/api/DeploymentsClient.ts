import { ResponseError } from '@backstage/errors';
import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import {
  DoraReport,
  RolloutList,
  ServiceDeploymentStatus,
} from '@internal/plugin-deployments-common';
import { DeploymentsApi, DoraQuery, RolloutQuery } from './DeploymentsApi';

/**
 * {@link DeploymentsApi} over HTTP with the signed-in user's token. Deliberately thin: it builds
 * URLs and turns non-2xx answers into `ResponseError`s, so it can later delegate to the client
 * generated from the backend's OpenAPI spec without the components noticing.
 */
export class DeploymentsClient implements DeploymentsApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  getStatus(entityRef: string): Promise<ServiceDeploymentStatus> {
    return this.get('/v1/status', { entityRef });
  }

  getRollouts(query: RolloutQuery): Promise<RolloutList> {
    return this.get('/v1/rollouts', {
      entityRef: query.entityRef,
      environment: query.environment,
      limit: query.limit === undefined ? undefined : String(query.limit),
    });
  }

  getDora(query: DoraQuery): Promise<DoraReport> {
    const scope =
      'owner' in query
        ? { owner: query.owner }
        : { entityRef: query.entityRef };
    return this.get('/v1/dora', { ...scope, window: query.window });
  }

  private async get<T>(
    path: string,
    params: Record<string, string | undefined>,
  ): Promise<T> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('deployments');
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(params)) {
      if (value !== undefined) search.set(name, value);
    }
    const response = await this.options.fetchApi.fetch(
      `${baseUrl}${path}?${search}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
