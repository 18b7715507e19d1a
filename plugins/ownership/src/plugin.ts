import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { onCallEntityCard, ownershipApi } from './extensions';

/**
 * Ownership (new frontend system), over the ownership backend's lookup:
 *
 * - `api:ownership`, the client;
 * - `entity-card:ownership/on-call`, the On-call card, first on a service's page.
 */
export const ownershipPlugin = createFrontendPlugin({
  pluginId: 'ownership',
  title: 'Ownership',
  info: { packageJson: () => import('../package.json') },
  extensions: [ownershipApi, onCallEntityCard],
});
