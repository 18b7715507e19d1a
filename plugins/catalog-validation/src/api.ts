import {
  createApiRef,
  DiscoveryApi,
  FetchApi,
} from '@backstage/frontend-plugin-api';
import {
  CatalogValidationApiClient,
  type EntityConflict,
} from '@internal/plugin-catalog-validation-common';

export type { EntityConflict };

/** Talks to the catalog-validation backend. */
export interface CatalogValidationApi {
  /** The conflicts the catalog reported recently for an entity. */
  listConflicts(entityRef: string): Promise<EntityConflict[]>;
}

export const catalogValidationApiRef = createApiRef<CatalogValidationApi>({
  id: 'plugin.catalog-validation.service',
});

/**
 * {@link CatalogValidationApi} over HTTP with the signed-in user's token,
 * through the client generated from the backend's spec (it throws
 * ResponseError on a non-2xx answer).
 */
export class CatalogValidationClient implements CatalogValidationApi {
  private readonly client: CatalogValidationApiClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.client = new CatalogValidationApiClient(options);
  }

  async listConflicts(entityRef: string): Promise<EntityConflict[]> {
    const { items } = await this.client.listConflicts({ query: { entityRef } });
    return items;
  }
}
