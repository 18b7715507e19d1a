import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { MetricsSource } from './MetricsSource';

/**
 * Lets a backend module (pluginId `telemetry`) replace the embedded aggregates as the source the
 * SLO and RED engine reads. Without a module the backend uses its embedded source.
 *
 * @public
 */
export interface TelemetryMetricsSourceExtensionPoint {
  setMetricsSource(source: MetricsSource): void;
}

/** @public */
export const telemetryMetricsSourceExtensionPoint =
  createExtensionPoint<TelemetryMetricsSourceExtensionPoint>({
    id: 'telemetry.metrics-source',
  });
