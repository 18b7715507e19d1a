import {
  ApiBlueprint,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import {
  ALL_RELATIONS,
  DefaultCatalogGraphApi,
  catalogGraphApiRef,
} from '@backstage/plugin-catalog-graph';
import {
  RELATION_CONSUMED_BY,
  RELATION_CONSUMES,
  RELATION_HAS_SCHEMA,
  RELATION_PRODUCED_BY,
  RELATION_PRODUCES,
  RELATION_SCHEMA_OF,
} from '@internal/plugin-service-model-common';
import { systemGraphDefaults } from './systemArchitectureGraphCard';

/** Strata's relations, which the upstream catalog-graph API does not know. */
export const serviceModelRelations = [
  RELATION_PRODUCES,
  RELATION_PRODUCED_BY,
  RELATION_CONSUMES,
  RELATION_CONSUMED_BY,
  RELATION_HAS_SCHEMA,
  RELATION_SCHEMA_OF,
];

/**
 * Replaces `api:catalog-graph` so the full catalog-graph page's relation filter lists
 * produces/consumes/hasSchema and merges each pair into one edge. A module with the catalog-graph
 * plugin's id is how the new frontend system lets another package override a plugin's extension;
 * upstream's own defaults (which relations are shown first) are kept.
 */
export const catalogGraphApiWithServiceModel = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: catalogGraphApiRef,
      deps: {},
      factory: () =>
        new DefaultCatalogGraphApi({
          knownRelations: [...ALL_RELATIONS, ...serviceModelRelations],
          knownRelationPairs: systemGraphDefaults.relationPairs,
          // Upstream's default (every known relation selected). It must be spelled out: the
          // installed DefaultCatalogGraphApi reads it unguarded once any option is passed.
          defaultRelationTypes: { exclude: [] },
        }),
    }),
});

/** The module to add to the app's features (`createApp({ features: [...] })`). */
export const serviceModelCatalogGraphModule = createFrontendModule({
  pluginId: 'catalog-graph',
  extensions: [catalogGraphApiWithServiceModel],
});
