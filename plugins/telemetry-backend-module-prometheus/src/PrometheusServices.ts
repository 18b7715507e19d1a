import { ServiceSpans, ServicesQuery } from '@internal/plugin-telemetry-node';
import { SpanMetricsNames } from './config';
import { PrometheusClient, PromSeries } from './PrometheusClient';
import { servicesCountQuery } from './servicesPromql';

/** Prometheus refuses range queries over 11,000 points per series; stay below. */
const MAX_STEPS = 10_000;

/** A sample's value; increase() over a window without samples gives no series at all. */
function count(text: string | undefined): number {
  const n = Number(text ?? '0');
  return Number.isFinite(n) ? n : 0;
}

/**
 * The services with served spans over [from, to) from the Collector's spanmetrics: spans and
 * errors are instant queries at `to` over the whole range (`sum by (service_name)` of the
 * calls counter's increase); lastSeen is the start of the latest step whose own increase is
 * above 0 (a range query, each point over its step; a shorter last step is an instant query
 * at `to`). When no step shows an increase — a scrape interval longer than the step leaves
 * increase() no two samples inside it — lastSeen falls back to the range's start: the spans
 * are known to be in the range, not when in it.
 */
export class PrometheusServices {
  constructor(
    private readonly client: PrometheusClient,
    private readonly names: SpanMetricsNames,
  ) {}

  async services(query: ServicesQuery): Promise<ServiceSpans[]> {
    const { stepMs } = query;
    const fromMs = query.from.getTime();
    const spanMs = query.to.getTime() - fromMs;
    if (!(stepMs > 0)) {
      throw new Error(`A service list needs a step above 0 ms (got ${stepMs})`);
    }
    if (!(spanMs > 0)) return [];
    const fullSteps = Math.floor(spanMs / stepMs);
    if (fullSteps > MAX_STEPS) {
      throw new Error(
        `A service list of ${fullSteps} steps is more than Prometheus answers in one range query (${MAX_STEPS}); use a longer step`,
      );
    }
    const restMs = spanMs - fullSteps * stepMs;
    const names = this.names;
    const at = (promql: string) => this.client.query(promql, query.to);
    const [spans, errors, steps, rest] = await Promise.all([
      at(servicesCountQuery(names, spanMs, { errors: false })),
      at(servicesCountQuery(names, spanMs, { errors: true })),
      fullSteps > 0
        ? this.client.queryRange(
            servicesCountQuery(names, stepMs, { errors: false }),
            new Date(fromMs + stepMs),
            new Date(fromMs + fullSteps * stepMs),
            stepMs,
          )
        : Promise.resolve([] as PromSeries[]),
      restMs > 0
        ? at(servicesCountQuery(names, restMs, { errors: false }))
        : Promise.resolve([] as PromSeries[]),
    ]);

    const label = names.labels.service;
    const lastSeen = new Map<string, number>();
    const seen = (service: string, stepStartMs: number) =>
      lastSeen.set(
        service,
        Math.max(lastSeen.get(service) ?? -Infinity, stepStartMs),
      );
    for (const s of steps) {
      for (const [seconds, value] of s.values) {
        // Each point covers the step that ends at its evaluation time.
        if (count(value) > 0)
          seen(s.metric[label] ?? '', seconds * 1000 - stepMs);
      }
    }
    for (const s of rest) {
      if (count(s.values[0]?.[1]) > 0) {
        seen(s.metric[label] ?? '', fromMs + fullSteps * stepMs);
      }
    }
    const failing = new Map(
      errors.map(s => [s.metric[label] ?? '', count(s.values[0]?.[1])]),
    );
    return (
      spans
        .map(s => {
          const serviceName = s.metric[label] ?? '';
          return {
            serviceName,
            spans: count(s.values[0]?.[1]),
            errors: failing.get(serviceName) ?? 0,
            lastSeen: new Date(lastSeen.get(serviceName) ?? fromMs),
          };
        })
        // A counter that did not move in the range: no spans in it.
        .filter(s => s.spans > 0)
    );
  }
}
