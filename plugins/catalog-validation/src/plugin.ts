import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { catalogValidationApi } from './apis';
import { declaredTwiceEntityCard } from './entityCards';

/**
 * Catalog validation on entity pages: a warning when the catalog found the entity declared in
 * two registered locations (catalog-validation backend, `GET /conflicts`).
 */
export const catalogValidationPlugin = createFrontendPlugin({
  pluginId: 'catalog-validation',
  title: 'Catalog validation',
  info: { packageJson: () => import('../package.json') },
  extensions: [catalogValidationApi, declaredTwiceEntityCard],
});
