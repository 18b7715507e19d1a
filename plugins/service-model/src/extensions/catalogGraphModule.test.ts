import { ApiBlueprint } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import {
  ALL_RELATIONS,
  CatalogGraphApi,
  catalogGraphApiRef,
} from '@backstage/plugin-catalog-graph';
import {
  catalogGraphApiWithServiceModel,
  serviceModelCatalogGraphModule,
} from './catalogGraphModule';

function createApi(): CatalogGraphApi {
  const factory = createExtensionTester(catalogGraphApiWithServiceModel).get(
    ApiBlueprint.dataRefs.factory,
  );
  expect(factory.api.id).toBe(catalogGraphApiRef.id);
  return factory.factory({}) as CatalogGraphApi;
}

describe('serviceModelCatalogGraphModule', () => {
  it('overrides the catalog-graph plugin’s own API extension', () => {
    expect(serviceModelCatalogGraphModule.pluginId).toBe('catalog-graph');
  });

  it('offers the service-model relations in the graph page’s relation filter, after upstream’s', () => {
    const api = createApi();
    expect(api.knownRelations.slice(0, ALL_RELATIONS.length)).toEqual(
      ALL_RELATIONS,
    );
    expect(api.knownRelations).toEqual(
      expect.arrayContaining([
        'produces',
        'producedBy',
        'consumes',
        'consumedBy',
        'hasSchema',
        'schemaOf',
      ]),
    );
  });

  it('merges each service-model relation with its reverse, producer → topic → consumer', () => {
    const pairs = createApi().knownRelationPairs;
    expect(pairs).toContainEqual(['produces', 'producedBy']);
    expect(pairs).toContainEqual(['consumedBy', 'consumes']);
    expect(pairs).toContainEqual(['hasSchema', 'schemaOf']);
  });

  it('selects every relation by default, as upstream does', () => {
    const api = createApi();
    expect(api.defaultRelations).toEqual(api.knownRelations);
  });
});
