import { Entity } from '@backstage/catalog-model';
import { ApiBlueprint } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { catalogEditsApiRef, CatalogEditsClient } from './api';
import { catalogEditsApi } from './apis';
import { proposeChangeEntityCard } from './entityCards';
import catalogEditsPlugin from './index';

const entity = (kind: string, type: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind,
  metadata: { name: 'x' },
  spec: { type },
});

describe('catalogEditsPlugin', () => {
  it('provides its API and the propose-change card', () => {
    expect(catalogEditsPlugin.id).toBe('catalog-edits');
    const getExtension = catalogEditsPlugin.getExtension as (
      id: string,
    ) => typeof catalogEditsApi;

    // The API extension provides a CatalogEditsClient under catalogEditsApiRef.
    const api = createExtensionTester(getExtension('api:catalog-edits')).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(api.api).toBe(catalogEditsApiRef);
    expect(Object.keys(api.deps).sort()).toEqual(['discoveryApi', 'fetchApi']);
    expect(
      api.factory({
        discoveryApi: { getBaseUrl: async () => 'http://backend' },
        fetchApi: { fetch: jest.fn() },
      }),
    ).toBeInstanceOf(CatalogEditsClient);

    // The card is the plugin's, as an entity card (not content).
    const card = createExtensionTester(
      (
        catalogEditsPlugin.getExtension as (
          id: string,
        ) => typeof proposeChangeEntityCard
      )('entity-card:catalog-edits/propose-change'),
    );
    expect(card.get(EntityCardBlueprint.dataRefs.type)).toBe('info');
  });

  it('shows the card on services only', () => {
    const tester = createExtensionTester(proposeChangeEntityCard);
    const filter = tester.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(filter(entity('Component', 'service'))).toBe(true);
    expect(filter(entity('Component', 'website'))).toBe(false);
    expect(filter(entity('Resource', 'database'))).toBe(false);
  });
});

describe('CatalogEditsClient', () => {
  it('posts the proposal to the backend and returns the pull request', async () => {
    const fetch = jest.fn(
      async () =>
        new Response(
          JSON.stringify({ pullRequestUrl: 'https://x/pull/1', branch: 'b' }),
          { status: 201, headers: { 'content-type': 'application/json' } },
        ),
    );
    const client = new CatalogEditsClient({
      discoveryApi: {
        getBaseUrl: async () => 'http://backend/api/catalog-edits',
      },
      fetchApi: { fetch } as any,
    });
    await expect(
      client.propose({
        entityRef: 'component:default/a',
        edit: { type: 'addDatabase', resourceRef: 'resource:default/db' },
      }),
    ).resolves.toEqual({ pullRequestUrl: 'https://x/pull/1', branch: 'b' });
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/catalog-edits/proposals',
      expect.objectContaining({ method: 'POST' }),
    );
  });
});
