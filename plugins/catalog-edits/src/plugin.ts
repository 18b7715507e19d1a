import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { catalogEditsApi } from './apis';
import { proposeChangeEntityCard } from './entityCards';

/**
 * "Propose a change" on service pages: the change becomes a pull request
 * against the service's catalog-info.yaml (catalog-edits backend).
 */
export const catalogEditsPlugin = createFrontendPlugin({
  pluginId: 'catalog-edits',
  title: 'Catalog edits',
  info: { packageJson: () => import('../package.json') },
  extensions: [catalogEditsApi, proposeChangeEntityCard],
});
