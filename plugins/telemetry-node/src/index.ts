/**
 * Node library for telemetry: the metrics-source seam (SLI counts and RED) and its extension point.
 *
 * @packageDocumentation
 */
export type {
  SliQuery,
  SliSource,
  MetricsSource,
  RedQuery,
  RedSourceFigures,
  RedAnswer,
  ServicesQuery,
  ServiceSpans,
} from './MetricsSource';
export {
  telemetryMetricsSourceExtensionPoint,
  type TelemetryMetricsSourceExtensionPoint,
} from './extensions';
