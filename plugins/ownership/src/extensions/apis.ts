import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { OwnershipClient, ownershipApiRef } from '../api';

/** `api:ownership`: the client for the ownership backend. */
export const ownershipApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: ownershipApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new OwnershipClient({ discoveryApi, fetchApi }),
    }),
});
