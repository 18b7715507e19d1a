import { Entity } from '@backstage/catalog-model';
import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import { DeploymentsClient, deploymentsApiRef } from './api';
import { component, group } from './__fixtures__/entities';
import {
  deploymentsApi,
  deploymentsStatusEntityCard,
  groupDoraEntityContent,
  rolloutHistoryEntityCard,
  serviceDoraEntityCard,
} from './extensions';
import deploymentsPlugin from './index';

const getExtension = deploymentsPlugin.getExtension as (id: string) => any;

describe('deploymentsPlugin', () => {
  it('is the deployments plugin with its API, cards, tab and page', () => {
    expect(deploymentsPlugin.id).toBe('deployments');
    for (const id of [
      'api:deployments',
      'entity-card:deployments/status',
      'entity-card:deployments/rollout-history',
      'entity-card:deployments/dora',
      'entity-content:deployments/dora',
      'page:deployments/dora',
    ]) {
      expect(getExtension(id)).toBeTruthy();
    }
  });

  it('provides a DeploymentsClient under deploymentsApiRef', () => {
    const api = createExtensionTester(deploymentsApi).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(api.api).toBe(deploymentsApiRef);
    expect(Object.keys(api.deps).sort()).toEqual(['discoveryApi', 'fetchApi']);
    expect(
      api.factory({
        discoveryApi: { getBaseUrl: async () => 'http://backend' },
        fetchApi: { fetch: jest.fn() },
      }),
    ).toBeInstanceOf(DeploymentsClient);
  });

  it('mounts the DORA page at /dora with a title and icon for the sidebar', () => {
    const page = createExtensionTester(getExtension('page:deployments/dora'));
    expect(page.get(coreExtensionData.routePath)).toBe('/dora');
    expect(page.get(coreExtensionData.title)).toBe('DORA');
    expect(page.get(coreExtensionData.icon)).toBeTruthy();
    expect(page.get(coreExtensionData.routeRef)).toBe(
      deploymentsPlugin.routes.dora,
    );
  });

  it('puts status and history in the main column and DORA beside it', () => {
    expect(
      createExtensionTester(deploymentsStatusEntityCard).get(
        EntityCardBlueprint.dataRefs.type,
      ),
    ).toBe('content');
    expect(
      createExtensionTester(rolloutHistoryEntityCard).get(
        EntityCardBlueprint.dataRefs.type,
      ),
    ).toBe('content');
    expect(
      createExtensionTester(serviceDoraEntityCard).get(
        EntityCardBlueprint.dataRefs.type,
      ),
    ).toBe('info');
  });

  it('shows the cards on components that run somewhere', () => {
    const filter = createExtensionTester(deploymentsStatusEntityCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    )!;
    const shown = (entity: Entity) => filter(entity);
    expect(
      shown(
        component('billing', {
          annotations: { 'backstage.io/kubernetes-id': 'billing' },
        }),
      ),
    ).toBe(true);
    expect(
      shown(
        component('legacy', {
          type: 'library',
          annotations: {
            'backstage.io/kubernetes-label-selector': 'app=legacy',
          },
        }),
      ),
    ).toBe(true);
    // Not annotated: services and websites get the card that says how to annotate them.
    expect(shown(component('invoices'))).toBe(true);
    expect(shown(component('portal', { type: 'website' }))).toBe(true);
    expect(shown(component('utils', { type: 'library' }))).toBe(false);
    expect(shown(group('billing', 'Billing'))).toBe(false);
  });

  it('adds a DORA tab to groups only', () => {
    const tab = createExtensionTester(groupDoraEntityContent);
    expect(tab.get(coreExtensionData.routePath)).toBe('dora');
    expect(tab.get(EntityContentBlueprint.dataRefs.title)).toBe('DORA');
    const filter = tab.get(EntityContentBlueprint.dataRefs.filterFunction)!;
    expect(filter(group('billing', 'Billing'))).toBe(true);
    expect(filter(component('billing'))).toBe(false);
  });
});
