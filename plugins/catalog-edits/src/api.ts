import {
  createApiRef,
  DiscoveryApi,
  FetchApi,
} from '@backstage/frontend-plugin-api';
import {
  CatalogEditProposal,
  CatalogEditsApiClient,
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

/**
 * {@link CatalogEditsApi} over HTTP with the signed-in user's token, through
 * the client generated from the backend's spec (it throws ResponseError on
 * a non-2xx answer).
 */
export class CatalogEditsClient implements CatalogEditsApi {
  private readonly client: CatalogEditsApiClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.client = new CatalogEditsApiClient(options);
  }

  propose(request: ProposeEditRequest): Promise<ProposeEditResponse> {
    return this.client.createProposal({ body: request });
  }

  async listProposals(entityRef: string): Promise<CatalogEditProposal[]> {
    const { items } = await this.client.listProposals({
      query: { entityRef },
    });
    // The backend records only edits it accepted, each of the engine's shape.
    return items as CatalogEditProposal[];
  }
}
