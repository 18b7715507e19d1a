/**
 * Rate, errors, duration of a service (or one operation), from server spans
 * (`SpanKind.SERVER`/`CONSUMER`): `GET /api/telemetry/v1/services/{serviceName}/red?window=15m`.
 */

export interface LatencyPercentiles {
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export interface RedFigures {
  requests: number;
  errors: number;
  /** errors ÷ requests; null without requests. */
  errorRate: number | null;
  latencyMs: LatencyPercentiles;
}

export interface RedReport extends RedFigures {
  serviceName: string;
  /** The catalog entity the spans map to (by `strata.dev/otel-service-name`, else the name). */
  entityRef?: string;
  window: string;
  from: string;
  to: string;
  /** Per operation (span name / `http.route`), busiest first. */
  operations: Array<RedFigures & { operation: string }>;
  /** RED per step for a chart (step chosen from the window: 1 min up to 6 h, then 1 h). */
  series: Array<RedFigures & { at: string }>;
  /** Which source answered: the embedded aggregates or a Prometheus-compatible API. */
  source: 'embedded' | 'prometheus';
}
