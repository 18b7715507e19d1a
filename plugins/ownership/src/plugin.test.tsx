import { Entity } from '@backstage/catalog-model';
import { ApiBlueprint } from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { OwnershipClient, ownershipApiRef } from './api';
import { billing } from './__fixtures__/lookup';
import { onCallEntityCard, ownershipApi } from './extensions';
import ownershipPlugin from './index';

const getExtension = ownershipPlugin.getExtension as (id: string) => any;

describe('ownershipPlugin', () => {
  it('is the ownership plugin with its API and the On-call card', () => {
    expect(ownershipPlugin.id).toBe('ownership');
    expect(getExtension('api:ownership')).toBeTruthy();
    expect(getExtension('entity-card:ownership/on-call')).toBeTruthy();
  });

  it('provides an OwnershipClient under ownershipApiRef', () => {
    const api = createExtensionTester(ownershipApi).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(api.api).toBe(ownershipApiRef);
    expect(
      api.factory({
        discoveryApi: { getBaseUrl: async () => 'http://backend' },
        fetchApi: { fetch: jest.fn() },
      }),
    ).toBeInstanceOf(OwnershipClient);
  });

  it('puts the On-call card in the main column of components', () => {
    const card = createExtensionTester(onCallEntityCard);
    expect(card.get(EntityCardBlueprint.dataRefs.type)).toBe('content');
    const filter = card.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    const group: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'billing' },
      spec: {},
    };
    expect(filter(billing)).toBe(true);
    expect(filter(group)).toBe(false);
  });
});
