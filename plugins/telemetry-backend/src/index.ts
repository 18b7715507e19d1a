/**
 * Telemetry backend: an OTLP/HTTP trace receiver, RED aggregates, the observed service graph
 * and trace samples.
 *
 * @packageDocumentation
 */
export { telemetryPlugin as default } from './plugin';
export { EmbeddedMetricsSource } from './query/EmbeddedMetricsSource';
