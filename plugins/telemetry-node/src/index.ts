/**
 * Node library for telemetry: the metrics-source seam and its extension point.
 *
 * @packageDocumentation
 */
export type { SliQuery, MetricsSource } from './MetricsSource';
export {
  telemetryMetricsSourceExtensionPoint,
  type TelemetryMetricsSourceExtensionPoint,
} from './extensions';
