import { DiscoveryApi, FetchApi } from '@backstage/frontend-plugin-api';
import { OwnershipApiClient } from '@internal/plugin-ownership-common';
import { LookupResult, OwnershipApi } from './OwnershipApi';

/**
 * {@link OwnershipApi} over HTTP with the signed-in user's token, through the client generated
 * from the backend's OpenAPI spec (non-2xx answers are `ResponseError`s with its message).
 */
export class OwnershipClient implements OwnershipApi {
  private readonly client: OwnershipApiClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.client = new OwnershipApiClient(options);
  }

  lookupEntity(entityRef: string): Promise<LookupResult> {
    return this.client.lookup({ query: { entityRef } });
  }
}
