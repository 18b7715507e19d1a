import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { sourceEntityCard } from './entityCards';

/**
 * Catalog freshness on entity pages: when and from which version the entity was last read from
 * its source (annotations of catalog-backend-module-source-stamp), and why a refresh failed.
 */
export const catalogFreshnessPlugin = createFrontendPlugin({
  pluginId: 'catalog-freshness',
  title: 'Catalog freshness',
  info: { packageJson: () => import('../package.json') },
  extensions: [sourceEntityCard],
});
