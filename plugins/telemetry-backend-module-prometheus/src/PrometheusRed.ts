import {
  RedAnswer,
  RedQuery,
  RedSourceFigures,
} from '@internal/plugin-telemetry-node';
import { SpanMetricsNames } from './config';
import { PrometheusClient, PromSeries } from './PrometheusClient';
import { redCountQuery, redQuantileQuery } from './redPromql';

/** Prometheus refuses range queries over 11,000 points per series; stay below. */
const MAX_STEPS = 10_000;
const QUANTILES = [0.5, 0.95, 0.99] as const;

/** A sample's value; increase() over a window without samples gives no series at all. */
function count(text: string | undefined): number {
  const n = Number(text ?? '0');
  return Number.isFinite(n) ? n : 0;
}

type Figures = RedSourceFigures;

function emptyFigures(): Figures {
  return {
    requests: 0,
    errors: 0,
    latencyMs: { p50: null, p95: null, p99: null },
  };
}

function setQuantile(figures: Figures, q: number, ms: number | null) {
  if (q === 0.5) figures.latencyMs.p50 = ms;
  else if (q === 0.95) figures.latencyMs.p95 = ms;
  else figures.latencyMs.p99 = ms;
}

/**
 * The RED answer from a Prometheus-compatible API over the Collector's spanmetrics: totals and
 * per operation are instant queries at `to` over the whole range; the series are range
 * queries whose points each cover their own step (a shorter last step is an instant query at
 * `to`). Counts are increase()s, so off the scrape grid they carry Prometheus' extrapolation
 * (docs/telemetry.md); percentiles are histogram_quantile over the duration buckets.
 */
export class PrometheusRed {
  constructor(
    private readonly client: PrometheusClient,
    private readonly names: SpanMetricsNames,
  ) {}

  /** A quantile in ms: the histogram's unit converted; NaN (no requests) is null. */
  private quantileMs(text: string | undefined): number | null {
    if (text === undefined) return null;
    const value = Number(text);
    if (!Number.isFinite(value)) return null;
    return this.names.durationUnit === 's' ? value * 1000 : value;
  }

  async red(query: RedQuery): Promise<RedAnswer> {
    const fromMs = query.from.getTime();
    const spanMs = query.to.getTime() - fromMs;
    if (!(query.stepMs > 0)) {
      throw new Error(
        `A RED query needs a step above 0 ms (got ${query.stepMs})`,
      );
    }
    if (!(spanMs > 0)) {
      throw new Error(
        `A RED query needs 'to' after 'from' (got ${query.from.toISOString()} … ${query.to.toISOString()})`,
      );
    }
    const fullSteps = Math.floor(spanMs / query.stepMs);
    if (fullSteps > MAX_STEPS) {
      throw new Error(
        `A RED query of ${fullSteps} steps is more than Prometheus answers in one range query (${MAX_STEPS}); use a longer step`,
      );
    }
    const [whole, steps] = await Promise.all([
      this.figuresAt(query.serviceName, query.to, spanMs, true),
      this.seriesOf(query, fullSteps),
    ]);
    const restMs = spanMs - fullSteps * query.stepMs;
    const series = steps;
    if (restMs > 0) {
      const last = await this.figuresAt(
        query.serviceName,
        query.to,
        restMs,
        false,
      );
      series.push({
        at: new Date(fromMs + fullSteps * query.stepMs),
        ...last.total,
      });
    }
    return { total: whole.total, operations: whole.operations, series };
  }

  /** Totals (and, if asked, per operation) of the window [at − windowMs, at]. */
  private async figuresAt(
    serviceName: string,
    at: Date,
    windowMs: number,
    byOperation: boolean,
  ): Promise<{ total: Figures; operations: RedAnswer['operations'] }> {
    const names = this.names;
    const op = names.labels.operation;
    const instant = (promql: string) => this.client.query(promql, at);
    const shapes = byOperation ? [false, true] : [false];
    const [requests, errors, ...quantiles] = await Promise.all([
      instant(
        redCountQuery(serviceName, names, windowMs, {
          errors: false,
          byOperation,
        }),
      ),
      instant(
        redCountQuery(serviceName, names, windowMs, {
          errors: true,
          byOperation,
        }),
      ),
      ...shapes.flatMap(perOperation =>
        QUANTILES.map(q =>
          instant(
            redQuantileQuery(q, serviceName, names, windowMs, {
              byOperation: perOperation,
            }),
          ),
        ),
      ),
    ]);

    const total = emptyFigures();
    const operations = new Map<string, Figures>();
    const opFigures = (s: PromSeries) => {
      const name = s.metric[op] ?? '';
      let figures = operations.get(name);
      if (!figures) operations.set(name, (figures = emptyFigures()));
      return figures;
    };
    for (const s of requests) {
      const n = count(s.values[0]?.[1]);
      total.requests += n;
      if (byOperation) opFigures(s).requests += n;
    }
    for (const s of errors) {
      const n = count(s.values[0]?.[1]);
      total.errors += n;
      if (byOperation) opFigures(s).errors += n;
    }
    QUANTILES.forEach((q, i) => {
      setQuantile(total, q, this.quantileMs(quantiles[i][0]?.values[0]?.[1]));
      if (!byOperation) return;
      for (const s of quantiles[QUANTILES.length + i]) {
        if (operations.has(s.metric[op] ?? '')) {
          setQuantile(opFigures(s), q, this.quantileMs(s.values[0]?.[1]));
        }
      }
    });
    return {
      total,
      // An operation whose counters did not move in the window had no requests in it.
      operations: [...operations]
        .filter(([, figures]) => figures.requests > 0)
        .map(([operation, figures]) => ({ operation, ...figures })),
    };
  }

  /** One point per whole step from `from`, each evaluated at its step's end over one step. */
  private async seriesOf(
    query: RedQuery,
    fullSteps: number,
  ): Promise<RedAnswer['series']> {
    if (fullSteps === 0) return [];
    const { serviceName, stepMs } = query;
    const fromMs = query.from.getTime();
    const names = this.names;
    const range = (promql: string) =>
      this.client.queryRange(
        promql,
        new Date(fromMs + stepMs),
        new Date(fromMs + fullSteps * stepMs),
        stepMs,
      );
    const [requests, errors, ...quantiles] = await Promise.all([
      range(
        redCountQuery(serviceName, names, stepMs, {
          errors: false,
          byOperation: false,
        }),
      ),
      range(
        redCountQuery(serviceName, names, stepMs, {
          errors: true,
          byOperation: false,
        }),
      ),
      ...QUANTILES.map(q =>
        range(
          redQuantileQuery(q, serviceName, names, stepMs, {
            byOperation: false,
          }),
        ),
      ),
    ]);
    const points = Array.from({ length: fullSteps }, (_, i) => ({
      at: new Date(fromMs + i * stepMs),
      ...emptyFigures(),
    }));
    // A value evaluated at a step's end belongs to the step before it.
    const each = (
      series: PromSeries[],
      use: (index: number, text: string) => void,
    ) => {
      for (const s of series) {
        for (const [seconds, text] of s.values) {
          const index = Math.round((seconds * 1000 - fromMs) / stepMs) - 1;
          if (index >= 0 && index < fullSteps) use(index, text);
        }
      }
    };
    each(requests, (i, text) => (points[i].requests += count(text)));
    each(errors, (i, text) => (points[i].errors += count(text)));
    QUANTILES.forEach((q, qi) =>
      each(quantiles[qi], (i, text) =>
        setQuantile(points[i], q, this.quantileMs(text)),
      ),
    );
    return points;
  }
}
