import { MetricsSource, SliQuery } from '@internal/plugin-telemetry-node';
import { countSlowerThan, emptyBuckets } from '../aggregate/histogram';
import { HOUR_MS } from '../aggregate/minutes';
import { AggregateReader, RedSums } from '../database/AggregateReader';

function valueOf(query: SliQuery, sums: RedSums): number {
  switch (query.kind) {
    case 'total':
      return sums.requests;
    case 'errors':
      return sums.errors;
    case 'slowerThan':
      if (query.thresholdMs === undefined) {
        throw new Error('slowerThan needs thresholdMs');
      }
      // Exact at bucket bounds, linear between them (src/aggregate/histogram.ts).
      return countSlowerThan(sums.buckets, query.thresholdMs);
    default:
      throw new Error(`Unknown SLI query kind ${(query as SliQuery).kind}`);
  }
}

/**
 * The MetricsSource over the plugin's own aggregates. Ranges longer than 6 h read hour rows
 * where complete (an hour row counts when its hour starts inside the range); shorter ones read
 * minutes.
 */
export class EmbeddedMetricsSource implements MetricsSource {
  readonly id = 'embedded';

  constructor(private readonly reader: AggregateReader) {}

  private range(query: SliQuery) {
    const fromMs = query.from.getTime();
    const toMs = query.to.getTime();
    return {
      serviceName: query.serviceName,
      operation: query.operation,
      fromMs,
      toMs,
      preferHours: toMs - fromMs > 6 * HOUR_MS,
    };
  }

  async count(query: SliQuery): Promise<number> {
    return valueOf(query, await this.reader.sums(this.range(query)));
  }

  async countSeries(query: SliQuery, stepMs: number) {
    const range = this.range(query);
    const steps = Math.max(0, Math.ceil((range.toMs - range.fromMs) / stepMs));
    const sums: RedSums[] = Array.from({ length: steps }, () => ({
      requests: 0,
      errors: 0,
      buckets: emptyBuckets(),
    }));
    for (const row of await this.reader.rows(range)) {
      const step = Math.floor((row.bucketMs - range.fromMs) / stepMs);
      const into = sums[step];
      if (!into) continue;
      into.requests += row.requests;
      into.errors += row.errors;
      row.buckets.forEach((n, i) => {
        into.buckets[i] += n;
      });
    }
    return sums.map((s, i) => ({
      at: new Date(range.fromMs + i * stepMs),
      value: valueOf(query, s),
    }));
  }
}
