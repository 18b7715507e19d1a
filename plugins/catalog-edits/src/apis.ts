import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { catalogEditsApiRef, CatalogEditsClient } from './api';

/** `api:catalog-edits`: the client for the catalog-edits backend. */
export const catalogEditsApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: catalogEditsApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new CatalogEditsClient({ discoveryApi, fetchApi }),
    }),
});
