import {
  ApiBlueprint,
  coreExtensionData,
} from '@backstage/frontend-plugin-api';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { GovernanceClient, governanceApiRef } from './api';
import { component, group } from './__fixtures__/entities';
import {
  governanceApi,
  governancePage,
  scorecardEntityCard,
} from './extensions';
import governancePlugin from './index';

const getExtension = governancePlugin.getExtension as (id: string) => any;

describe('governancePlugin', () => {
  it('is the governance plugin with its API, page and card', () => {
    expect(governancePlugin.id).toBe('governance');
    for (const id of [
      'api:governance',
      'page:governance',
      'entity-card:governance/scorecard',
    ]) {
      expect(getExtension(id)).toBeTruthy();
    }
  });

  it('provides a GovernanceClient under governanceApiRef', () => {
    const api = createExtensionTester(governanceApi).get(
      ApiBlueprint.dataRefs.factory,
    );
    expect(api.api).toBe(governanceApiRef);
    expect(
      api.factory({
        discoveryApi: { getBaseUrl: async () => 'http://backend' },
        fetchApi: { fetch: jest.fn() },
      }),
    ).toBeInstanceOf(GovernanceClient);
  });

  it('mounts the page at /governance with a title and icon for the sidebar', () => {
    const page = createExtensionTester(governancePage);
    expect(page.get(coreExtensionData.routePath)).toBe('/governance');
    expect(page.get(coreExtensionData.title)).toBe('Governance');
    expect(page.get(coreExtensionData.icon)).toBeTruthy();
    expect(page.get(coreExtensionData.routeRef)).toBe(
      governancePlugin.routes.governance,
    );
  });

  it('shows the Scorecard card on components only, in the main column', () => {
    const card = createExtensionTester(scorecardEntityCard);
    expect(card.get(EntityCardBlueprint.dataRefs.type)).toBe('content');
    const filter = card.get(EntityCardBlueprint.dataRefs.filterFunction)!;
    expect(filter(component('billing'))).toBe(true);
    expect(filter(component('utils', 'library'))).toBe(true);
    expect(filter(group('billing'))).toBe(false);
  });
});
