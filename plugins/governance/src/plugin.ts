import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import {
  governanceApi,
  governancePage,
  scorecardEntityCard,
} from './extensions';
import { governanceRouteRef } from './routes';

/**
 * Governance (new frontend system), over the governance backend:
 *
 * - `api:governance`, the client;
 * - `page:governance`, the Governance page at `/governance` (sidebar item);
 * - `entity-card:governance/scorecard`, the Scorecard card on components.
 */
export const governancePlugin = createFrontendPlugin({
  pluginId: 'governance',
  title: 'Governance',
  info: { packageJson: () => import('../package.json') },
  routes: { governance: governanceRouteRef },
  extensions: [governanceApi, governancePage, scorecardEntityCard],
});
