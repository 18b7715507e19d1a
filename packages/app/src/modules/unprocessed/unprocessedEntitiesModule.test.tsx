import { coreExtensionData } from '@backstage/frontend-plugin-api';
import {
  createExtensionTester,
  renderInTestApp,
  renderTestApp,
} from '@backstage/frontend-test-utils';
import { catalogUnprocessedEntitiesApiRef } from '@backstage/plugin-catalog-unprocessed-entities';
import unprocessedEntitiesPlugin from '@backstage/plugin-catalog-unprocessed-entities/alpha';
import { screen } from '@testing-library/react';
import { refusedLocation } from './fixtures';
import {
  REFUSED_PAGE_TITLE,
  refusedEntitiesPage,
  unprocessedEntitiesModule,
} from './unprocessedEntitiesModule';

const api = {
  pending: async () => ({ entities: [refusedLocation] }),
  failed: async () => ({ entities: [] }),
  delete: jest.fn(),
};

// The page's content is lazy-loaded; the first import is slow under jest.
const LOAD = { timeout: 20_000 };

describe('unprocessedEntitiesModule', () => {
  it('serves the page at upstream’s path, titled for the sidebar, showing refusals with reasons', async () => {
    const tester = createExtensionTester(refusedEntitiesPage, {
      apis: [[catalogUnprocessedEntitiesApiRef, api]],
    });
    expect(tester.get(coreExtensionData.routePath)).toBe(
      '/catalog-unprocessed-entities',
    );
    expect(tester.get(coreExtensionData.title)).toBe(REFUSED_PAGE_TITLE);

    await renderInTestApp(tester.reactElement(), {
      apis: [[catalogUnprocessedEntitiesApiRef, api]],
    });
    expect(
      await screen.findByRole(
        'listitem',
        { name: 'Refused: location:default/generated-0a1b2c' },
        LOAD,
      ),
    ).toHaveTextContent('is not of an allowed kind for that location');
    // Upstream's raw view stays below, for definitions and deletion.
    expect(screen.getByText('All unprocessed entities')).toBeInTheDocument();
  }, 30_000);

  it('enables the page upstream ships disabled, when added to an app with the plugin', async () => {
    expect(unprocessedEntitiesModule.pluginId).toBe(
      'catalog-unprocessed-entities',
    );
    renderTestApp({
      features: [unprocessedEntitiesPlugin, unprocessedEntitiesModule],
      initialRouteEntries: ['/catalog-unprocessed-entities'],
      apis: [[catalogUnprocessedEntitiesApiRef, api]],
    });
    expect(
      await screen.findByRole(
        'listitem',
        { name: 'Refused: location:default/generated-0a1b2c' },
        LOAD,
      ),
    ).toBeInTheDocument();
  }, 30_000);
});
