import { ResponseError } from '@backstage/errors';
import {
  createApiRef,
  DiscoveryApi,
  FetchApi,
} from '@backstage/frontend-plugin-api';
import type {
  EntityConflict,
  EntityConflictList,
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

/** {@link CatalogValidationApi} over HTTP, with the signed-in user's token. */
export class CatalogValidationClient implements CatalogValidationApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  async listConflicts(entityRef: string): Promise<EntityConflict[]> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl(
      'catalog-validation',
    );
    const response = await this.options.fetchApi.fetch(
      `${baseUrl}/conflicts?entityRef=${encodeURIComponent(entityRef)}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const list: EntityConflictList = await response.json();
    return list.items;
  }
}
