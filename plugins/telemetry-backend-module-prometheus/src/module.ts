import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { telemetryMetricsSourceExtensionPoint } from '@internal/plugin-telemetry-node';
import { readPrometheusConfig } from './config';
import { PrometheusClient } from './PrometheusClient';
import { PrometheusMetricsSource } from './PrometheusMetricsSource';

/**
 * Replaces the embedded aggregates as the telemetry plugin's metrics source with a
 * Prometheus-compatible query API, when `telemetry.prometheus.baseUrl` is configured.
 * Installed without that configuration it only logs that it is off.
 */
export const telemetryModulePrometheus = createBackendModule({
  pluginId: 'telemetry',
  moduleId: 'prometheus',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        metricsSources: telemetryMetricsSourceExtensionPoint,
      },
      async init({ config, logger, metricsSources }) {
        const settings = readPrometheusConfig(config);
        if (!settings) {
          logger.info(
            'telemetry.prometheus is not configured: the embedded aggregates stay the metrics source',
          );
          return;
        }
        const client = new PrometheusClient(settings);
        metricsSources.setMetricsSource(
          new PrometheusMetricsSource(client, settings.names),
        );
        logger.info(
          `Telemetry counts come from Prometheus at ${settings.baseUrl}`,
        );
      },
    });
  },
});
