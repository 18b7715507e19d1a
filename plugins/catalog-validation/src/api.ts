import { ResponseError } from '@backstage/errors';
import {
  createApiRef,
  DiscoveryApi,
  FetchApi,
} from '@backstage/frontend-plugin-api';

/** An entity declared in two registered locations (catalog-validation backend). */
export interface EntityConflict {
  entityRef: string;
  /** Location key of the copy the catalog serves, e.g. `url:https://github.com/…`. */
  keptLocation: string;
  /** Location key of the copy the catalog ignores. */
  ignoredLocation: string;
  firstSeenAt: string;
  lastSeenAt: string;
}

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
    return (await response.json()).items;
  }
}
