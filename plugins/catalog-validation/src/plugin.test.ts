import { Entity } from '@backstage/catalog-model';
import { ApiBlueprint } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { catalogValidationApiRef, CatalogValidationClient } from './api';
import { catalogValidationApi } from './apis';
import { declaredTwiceEntityCard } from './entityCards';
import catalogValidationPlugin from './index';

describe('catalogValidationPlugin', () => {
  it('provides its API and the declared-twice card, on every kind of entity', () => {
    expect(catalogValidationPlugin.id).toBe('catalog-validation');
    const getExtension = catalogValidationPlugin.getExtension as (
      id: string,
    ) => typeof catalogValidationApi;
    // The API extension provides a CatalogValidationClient under its ref.
    const api = createExtensionTester(
      getExtension('api:catalog-validation'),
    ).get(ApiBlueprint.dataRefs.factory);
    expect(api.api).toBe(catalogValidationApiRef);
    expect(
      api.factory({
        discoveryApi: { getBaseUrl: async () => 'http://backend' },
        fetchApi: { fetch: jest.fn() },
      }),
    ).toBeInstanceOf(CatalogValidationClient);
    const tester = createExtensionTester(declaredTwiceEntityCard);
    expect(tester.get(EntityCardBlueprint.dataRefs.filterFunction)).toBe(
      undefined,
    );
    expect(tester.get(EntityCardBlueprint.dataRefs.type)).toBe('content');
  });
});

describe('CatalogValidationClient', () => {
  it('asks the backend for one entity’s conflicts', async () => {
    const items: Entity[] = [];
    const fetch = jest.fn(
      async (_url: string) =>
        new Response(JSON.stringify({ items }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
    );
    const client = new CatalogValidationClient({
      discoveryApi: {
        getBaseUrl: async () => 'http://backend/api/catalog-validation',
      },
      fetchApi: { fetch } as any,
    });
    await expect(
      client.listConflicts('component:default/billing'),
    ).resolves.toEqual([]);
    expect(fetch.mock.calls[0][0]).toBe(
      'http://backend/api/catalog-validation/conflicts?entityRef=component%3Adefault%2Fbilling',
    );
  });

  it('turns an error answer into a ResponseError', async () => {
    const client = new CatalogValidationClient({
      discoveryApi: { getBaseUrl: async () => 'http://backend' },
      fetchApi: {
        fetch: async () =>
          new Response(
            JSON.stringify({
              error: { name: 'AuthenticationError', message: 'no token' },
              response: { statusCode: 401 },
            }),
            { status: 401, headers: { 'content-type': 'application/json' } },
          ),
      } as any,
    });
    await expect(
      client.listConflicts('component:default/billing'),
    ).rejects.toMatchObject({ name: 'ResponseError', statusCode: 401 });
  });
});
