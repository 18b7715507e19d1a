/**
 * The seam between the telemetry store and the SLO/RED engine: the engine asks for counts of
 * server spans, a source answers them. The backend's embedded aggregates are the default source;
 * a backend module may replace them (e.g. a Prometheus-compatible query API over the Collector's
 * spanmetrics) through {@link telemetryMetricsSourceExtensionPoint}.
 */

/**
 * One count the SLO engine needs: all requests of a service (or operation), the failing ones, or
 * the ones slower than a threshold, over a half-open time range.
 *
 * @public
 */
export interface SliQuery {
  /** OTel `service.name`. */
  serviceName: string;
  /** Span name / `http.route` filter, optional (absent = every operation of the service). */
  operation?: string;
  /**
   * What to count: `total` = every server span; `errors` = requests counted as bad for
   * availability (span status error / http status >= 500); `slowerThan` = spans whose duration is
   * above `thresholdMs`.
   */
  kind: 'total' | 'errors' | 'slowerThan';
  /** The latency threshold for `slowerThan`, in milliseconds. */
  thresholdMs?: number;
  /** Inclusive start. */
  from: Date;
  /** Exclusive end. */
  to: Date;
}

/**
 * Where counts of server spans come from.
 *
 * @public
 */
export interface MetricsSource {
  /** `embedded` (the plugin's own aggregates), `prometheus`, or another module's id. */
  readonly id: 'embedded' | 'prometheus' | string;
  /** Count of server spans matching the query over [from, to). */
  count(query: SliQuery): Promise<number>;
  /** Counts per step for charts: one number per [t, t+stepMs). */
  countSeries(
    query: SliQuery,
    stepMs: number,
  ): Promise<Array<{ at: Date; value: number }>>;
}
