import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import {
  dataAndEventsEntityCard,
  modelHintsEntityCard,
  systemArchitectureGraphCard,
} from './extensions';

/**
 * Strata's service model on entity pages (new frontend system):
 *
 * - `entity-card:service-model/data-and-events` on services, databases, topics and queues;
 * - `entity-card:service-model/relations`, the catalog-graph card configured as
 *   the architecture graph of System pages;
 * - `entity-card:service-model/model-hints` on entities missing a recommended field.
 */
export const serviceModelPlugin = createFrontendPlugin({
  pluginId: 'service-model',
  title: 'Service model',
  info: { packageJson: () => import('../package.json') },
  extensions: [
    dataAndEventsEntityCard,
    systemArchitectureGraphCard,
    modelHintsEntityCard,
  ],
});
