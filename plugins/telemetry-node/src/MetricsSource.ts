/**
 * The seam between the telemetry store and the SLO/RED engine: the SLO engine asks for counts of
 * server spans, the RED report for a service's rate, errors and latency percentiles; a source
 * answers both. The backend's embedded aggregates are the default source;
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
 * Where counts of server spans come from: the part of a source the SLO engine reads.
 *
 * @public
 */
export interface SliSource {
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

/**
 * The RED figures of a service over [from, to), totals, per operation and per step.
 *
 * @public
 */
export interface RedQuery {
  /** OTel `service.name`. */
  serviceName: string;
  /** Inclusive start. */
  from: Date;
  /** Exclusive end. */
  to: Date;
  /** The series' step: one point per [from + i·step, from + (i+1)·step), the last cut at `to`. */
  stepMs: number;
}

/**
 * Requests, failing requests and latency percentiles of some server spans. Percentiles come
 * from a histogram (interpolated inside the bucket that holds the rank), so they are as precise
 * as its bucket bounds; null without requests.
 *
 * @public
 */
export interface RedSourceFigures {
  requests: number;
  errors: number;
  latencyMs: { p50: number | null; p95: number | null; p99: number | null };
}

/**
 * A source's answer to a {@link RedQuery}.
 *
 * @public
 */
export interface RedAnswer {
  total: RedSourceFigures;
  /** One entry per operation with requests in the range; order is the caller's to choose. */
  operations: Array<RedSourceFigures & { operation: string }>;
  /** Every step of the range, in order; a step without requests has 0 and null percentiles. */
  series: Array<RedSourceFigures & { at: Date }>;
}

/**
 * Which services sent spans over [from, to): `GET /v1/services`.
 *
 * @public
 */
export interface ServicesQuery {
  /** Inclusive start. */
  from: Date;
  /** Exclusive end. */
  to: Date;
  /** How precisely `lastSeen` is asked for: a minute up to 6 h, then an hour. */
  stepMs: number;
}

/**
 * One service with served spans (SERVER and CONSUMER, the requests RED counts) in the range.
 *
 * @public
 */
export interface ServiceSpans {
  /** OTel `service.name`. */
  serviceName: string;
  spans: number;
  errors: number;
  /** Start of the latest step (minute or hour) in which the service had spans. */
  lastSeen: Date;
}

/**
 * A metrics source: the SLO engine's counts and the RED report's figures, from one store.
 *
 * @public
 */
export interface MetricsSource extends SliSource {
  /** RED of one service over [from, to). */
  red(query: RedQuery): Promise<RedAnswer>;
  /**
   * The services with served spans over [from, to), in any order. Optional: without it the
   * backend answers `GET /v1/services` from its embedded aggregates (and says so).
   */
  services?(query: ServicesQuery): Promise<ServiceSpans[]>;
}
