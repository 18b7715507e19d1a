import { ResponseError } from '@backstage/errors';
import {
  createApiRef,
  DiscoveryApi,
  FetchApi,
} from '@backstage/frontend-plugin-api';
import {
  CatalogEditProposal,
  ProposeEditRequest,
  ProposeEditResponse,
} from '@internal/plugin-catalog-edits-common';

/** Talks to the catalog-edits backend. */
export interface CatalogEditsApi {
  /** Opens a pull request with the edit; resolves to its URL. */
  propose(request: ProposeEditRequest): Promise<ProposeEditResponse>;
  /** The proposals made for an entity, newest first. */
  listProposals(entityRef: string): Promise<CatalogEditProposal[]>;
}

export const catalogEditsApiRef = createApiRef<CatalogEditsApi>({
  id: 'plugin.catalog-edits.service',
});

/** {@link CatalogEditsApi} over HTTP, with the signed-in user's token. */
export class CatalogEditsClient implements CatalogEditsApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  async propose(request: ProposeEditRequest): Promise<ProposeEditResponse> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('catalog-edits');
    const response = await this.options.fetchApi.fetch(`${baseUrl}/proposals`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response.json();
  }

  async listProposals(entityRef: string): Promise<CatalogEditProposal[]> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('catalog-edits');
    const response = await this.options.fetchApi.fetch(
      `${baseUrl}/proposals?entityRef=${encodeURIComponent(entityRef)}`,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()).items;
  }
}
