import {
  MetricsSource,
  RedAnswer,
  RedQuery,
  ServiceSpans,
  ServicesQuery,
  SliQuery,
} from '@internal/plugin-telemetry-node';
import { SpanMetricsNames } from './config';
import { CumulativeBucket, slowerThanFromBuckets } from './histogram';
import { PrometheusClient, PromSeries } from './PrometheusClient';
import { bucketsQuery, countQuery } from './promql';
import { PrometheusRed } from './PrometheusRed';
import { PrometheusServices } from './PrometheusServices';

/** Prometheus refuses range queries over 11,000 points per series; stay below. */
const MAX_POINTS_PER_RANGE_QUERY = 10_000;

function numberOf(text: string): number {
  const n = Number(text);
  // increase() over a window without samples gives no series; NaN only from a bad template.
  return Number.isFinite(n) ? n : 0;
}

/** The single number of a `sum(…)` answer (no series = nothing counted = 0). */
function scalarAt(series: PromSeries[], index = 0): number {
  return series.reduce(
    (sum, s) => sum + numberOf(s.values[index]?.[1] ?? '0'),
    0,
  );
}

function thresholdIn(names: SpanMetricsNames, query: SliQuery): number {
  if (query.thresholdMs === undefined)
    throw new Error('slowerThan needs thresholdMs');
  return names.durationUnit === 's'
    ? query.thresholdMs / 1000
    : query.thresholdMs;
}

/**
 * The MetricsSource over a Prometheus-compatible query API and the Collector's spanmetrics:
 * SLO counts here, RED in PrometheusRed, the service list in PrometheusServices.
 *
 * A count over [from, to) is `increase(…[to − from])` evaluated at `to`: Prometheus takes the
 * counter samples inside the window and, when the first or last sample is not at the window's
 * edge, extrapolates the increase towards the edges (README.md, "How counts compare").
 * Series are range queries with the step as the window, so each point counts its own step.
 */
export class PrometheusMetricsSource implements MetricsSource {
  readonly id = 'prometheus';

  private readonly redReader: PrometheusRed;
  private readonly servicesReader: PrometheusServices;

  constructor(
    private readonly client: PrometheusClient,
    private readonly names: SpanMetricsNames,
  ) {
    this.redReader = new PrometheusRed(client, names);
    this.servicesReader = new PrometheusServices(client, names);
  }

  /** RED of a service: spanmetrics counters and histogram_quantile (PrometheusRed.ts). */
  red(query: RedQuery): Promise<RedAnswer> {
    return this.redReader.red(query);
  }

  /** The services with served spans: spanmetrics calls per service (PrometheusServices.ts). */
  services(query: ServicesQuery): Promise<ServiceSpans[]> {
    return this.servicesReader.services(query);
  }

  private promql(query: SliQuery, windowMs: number): string {
    return query.kind === 'slowerThan'
      ? bucketsQuery(query, this.names, windowMs)
      : countQuery(query, query.kind, this.names, windowMs);
  }

  /** The count of one evaluation (index into each series' values). */
  private valueOf(
    query: SliQuery,
    series: PromSeries[],
    index: number,
  ): number {
    if (query.kind !== 'slowerThan') return scalarAt(series, index);
    const buckets: CumulativeBucket[] = [];
    for (const s of series) {
      const value = s.values[index];
      if (value === undefined || s.metric.le === undefined) continue;
      buckets.push({ le: s.metric.le, count: numberOf(value[1]) });
    }
    return slowerThanFromBuckets(buckets, thresholdIn(this.names, query));
  }

  async count(query: SliQuery): Promise<number> {
    const windowMs = query.to.getTime() - query.from.getTime();
    if (windowMs <= 0) return 0;
    if (query.kind === 'slowerThan') thresholdIn(this.names, query);
    const series = await this.client.query(
      this.promql(query, windowMs),
      query.to,
    );
    return this.valueOf(query, series, 0);
  }

  async countSeries(
    query: SliQuery,
    stepMs: number,
  ): Promise<Array<{ at: Date; value: number }>> {
    if (!(stepMs > 0))
      throw new Error(`countSeries needs a step above 0 ms (got ${stepMs})`);
    if (query.kind === 'slowerThan') thresholdIn(this.names, query);
    const fromMs = query.from.getTime();
    const spanMs = query.to.getTime() - fromMs;
    if (spanMs <= 0) return [];
    const fullSteps = Math.floor(spanMs / stepMs);
    const values = new Map<number, number>();

    // Whole steps: one range query per chunk, evaluated at each step's end over one step.
    const promql = this.promql(query, stepMs);
    for (
      let first = 0;
      first < fullSteps;
      first += MAX_POINTS_PER_RANGE_QUERY
    ) {
      const last = Math.min(fullSteps, first + MAX_POINTS_PER_RANGE_QUERY) - 1;
      const series = await this.client.queryRange(
        promql,
        new Date(fromMs + (first + 1) * stepMs),
        new Date(fromMs + (last + 1) * stepMs),
        stepMs,
      );
      for (const [endMs, perSeries] of byEvaluation(series)) {
        values.set(endMs - stepMs, this.valueOf(query, perSeries, 0));
      }
    }
    // A last, shorter step up to `to` (a window still in progress).
    const restMs = spanMs - fullSteps * stepMs;
    if (restMs > 0) {
      const at = fromMs + fullSteps * stepMs;
      values.set(at, await this.count({ ...query, from: new Date(at) }));
    }
    const steps = fullSteps + (restMs > 0 ? 1 : 0);
    return Array.from({ length: steps }, (_, i) => {
      const at = fromMs + i * stepMs;
      return { at: new Date(at), value: values.get(at) ?? 0 };
    });
  }
}

/** Regroups a matrix by evaluation time: for each time, every series' single value there. */
function byEvaluation(series: PromSeries[]): Map<number, PromSeries[]> {
  const out = new Map<number, PromSeries[]>();
  for (const s of series) {
    for (const value of s.values) {
      const ms = Math.round(value[0] * 1000);
      const list = out.get(ms) ?? [];
      list.push({ metric: s.metric, values: [value] });
      out.set(ms, list);
    }
  }
  return out;
}
