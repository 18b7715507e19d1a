import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { catalogValidationApiRef, CatalogValidationClient } from './api';

/** `api:catalog-validation`: the client for the catalog-validation backend. */
export const catalogValidationApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: catalogValidationApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new CatalogValidationClient({ discoveryApi, fetchApi }),
    }),
});
