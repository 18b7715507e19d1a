import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import {
  deploymentsApi,
  deploymentsStatusEntityCard,
  doraPage,
  groupDoraEntityContent,
  rolloutHistoryEntityCard,
  serviceDoraEntityCard,
} from './extensions';
import { doraRouteRef } from './routes';

/**
 * Deployments (new frontend system), over the deployments backend:
 *
 * - `api:deployments`, the client;
 * - `entity-card:deployments/status`, what runs where, problems first, in words;
 * - `entity-card:deployments/rollout-history`, rollouts with outcomes and durations;
 * - `entity-card:deployments/dora`, a service's own DORA figures;
 * - `entity-content:deployments/dora`, the "DORA" tab of a group;
 * - `page:deployments/dora`, the team DORA page at `/dora`.
 */
export const deploymentsPlugin = createFrontendPlugin({
  pluginId: 'deployments',
  title: 'Deployments',
  info: { packageJson: () => import('../package.json') },
  routes: { dora: doraRouteRef },
  extensions: [
    deploymentsApi,
    deploymentsStatusEntityCard,
    rolloutHistoryEntityCard,
    serviceDoraEntityCard,
    groupDoraEntityContent,
    doraPage,
  ],
});
