import {
  MetricsSource,
  RedAnswer,
  RedQuery,
  ServiceSpans,
  ServicesQuery,
  SliQuery,
} from '@internal/plugin-telemetry-node';
import {
  BUCKET_BOUNDS_MS,
  BUCKET_COLUMNS,
  countSlowerThan,
} from '../aggregate/histogram';
import { HOUR_MS } from '../aggregate/minutes';
import {
  AggregateReader,
  RedSums,
  SumColumn,
} from '../database/AggregateReader';
import { redFromRows } from './redFromRows';
import { StepSumsBatcher } from './StepSumsBatcher';

/**
 * The columns a query's value depends on: requests, errors, or for `slowerThan` the buckets
 * whose upper bound is above the threshold (countSlowerThan adds nothing from the others, so
 * leaving them 0 gives the same number).
 */
export function columnsOf(query: SliQuery): SumColumn[] {
  switch (query.kind) {
    case 'total':
      return ['requests'];
    case 'errors':
      return ['errors'];
    case 'slowerThan': {
      const threshold = query.thresholdMs;
      if (threshold === undefined) return [];
      return BUCKET_COLUMNS.filter(
        (_, i) =>
          i >= BUCKET_BOUNDS_MS.length || BUCKET_BOUNDS_MS[i] > threshold,
      );
    }
    default:
      return [];
  }
}

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

  private readonly batcher: StepSumsBatcher;

  constructor(private readonly reader: AggregateReader) {
    this.batcher = new StepSumsBatcher((range, stepMs, columns) =>
      reader.stepSums(range, stepMs, columns),
    );
  }

  private range(
    query: Pick<SliQuery, 'serviceName' | 'operation' | 'from' | 'to'>,
  ) {
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

  /** RED from the rows of the range (per operation and bucket), merged in redFromRows. */
  async red(query: RedQuery): Promise<RedAnswer> {
    const range = this.range(query);
    return redFromRows({
      fromMs: range.fromMs,
      toMs: range.toMs,
      stepMs: query.stepMs,
      rows: await this.reader.rows(range),
    });
  }

  /**
   * The services with served spans, summed per service by the database; lastSeen is the start
   * of the latest minute row, or hour row where a range over 6 h reads rolled-up hours.
   */
  async services(query: ServicesQuery): Promise<ServiceSpans[]> {
    const fromMs = query.from.getTime();
    const toMs = query.to.getTime();
    const totals = await this.reader.serviceTotals({
      fromMs,
      toMs,
      preferHours: toMs - fromMs > 6 * HOUR_MS,
    });
    return totals.map(({ lastSeenMs, ...figures }) => ({
      ...figures,
      lastSeen: new Date(lastSeenMs),
    }));
  }

  async count(query: SliQuery): Promise<number> {
    return valueOf(query, await this.reader.sums(this.range(query)));
  }

  /**
   * One number per step, summed per step by the database (only the columns the query needs);
   * series of the same range asked for together are read in one query (StepSumsBatcher).
   */
  async countSeries(query: SliQuery, stepMs: number) {
    const range = this.range(query);
    // Checked before reading: the same error a count gives.
    if (query.kind === 'slowerThan' && query.thresholdMs === undefined) {
      throw new Error('slowerThan needs thresholdMs');
    }
    const sums = await this.batcher.load(range, stepMs, columnsOf(query));
    return sums.map((s, i) => ({
      at: new Date(range.fromMs + i * stepMs),
      value: valueOf(query, s),
    }));
  }
}
