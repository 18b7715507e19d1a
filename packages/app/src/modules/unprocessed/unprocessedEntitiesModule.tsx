import { createFrontendModule } from '@backstage/frontend-plugin-api';
import unprocessedEntitiesPlugin from '@backstage/plugin-catalog-unprocessed-entities/alpha';

/** The page's title, also its label in the sidebar. */
export const REFUSED_PAGE_TITLE = 'Refused by the catalog';

/**
 * Upstream's `page:catalog-unprocessed-entities`, enabled (upstream ships it disabled) and
 * showing the refusals' reasons first: upstream's own view hides the errors of "pending"
 * entities, which is where every never-valid entity ends up.
 */
export const refusedEntitiesPage = unprocessedEntitiesPlugin
  .getExtension('page:catalog-unprocessed-entities')
  .override({
    disabled: false,
    params: {
      title: REFUSED_PAGE_TITLE,
      loader: () =>
        import('./RefusedEntities').then(m => <m.RefusedEntitiesPage />),
    },
  });

/** Add to the app's features: overrides the unprocessed-entities plugin's page. */
export const unprocessedEntitiesModule = createFrontendModule({
  pluginId: 'catalog-unprocessed-entities',
  extensions: [refusedEntitiesPage],
});
