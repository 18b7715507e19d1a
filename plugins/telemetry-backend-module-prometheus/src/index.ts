/**
 * Telemetry module: SLO counts and RED (counts and latency percentiles) read with PromQL from a
 * Prometheus-compatible query API (Prometheus, Thanos, Mimir) over the OpenTelemetry
 * Collector's spanmetrics output.
 *
 * @packageDocumentation
 */
export { telemetryModulePrometheus as default } from './module';
export { PrometheusMetricsSource } from './PrometheusMetricsSource';
export { PrometheusClient } from './PrometheusClient';
export { readPrometheusConfig, SPANMETRICS_DEFAULTS } from './config';
export type { PrometheusSettings, SpanMetricsNames } from './config';
