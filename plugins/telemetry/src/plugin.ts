import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import {
  observedCallsEntityCard,
  sloEntityCard,
  telemetryApi,
  tracesEntityCard,
} from './extensions';

/**
 * Telemetry (new frontend system), over the telemetry backend:
 *
 * - `api:telemetry`, the client;
 * - `entity-card:telemetry/slos`, SLO status, burn-rate alerts and the budget over time;
 * - `entity-card:telemetry/traces`, RED over time and failing and slow traces as span trees;
 * - `entity-card:telemetry/observed-calls`, on systems: observed calls against declared ones.
 */
export const telemetryPlugin = createFrontendPlugin({
  pluginId: 'telemetry',
  title: 'Telemetry',
  info: { packageJson: () => import('../package.json') },
  extensions: [
    telemetryApi,
    sloEntityCard,
    tracesEntityCard,
    observedCallsEntityCard,
  ],
});
