import { RedAnswer, RedSourceFigures } from '@internal/plugin-telemetry-node';
import { emptyBuckets, mergeBuckets, percentile } from '../aggregate/histogram';
import { RedRow, RedSums } from '../database/AggregateReader';

function figuresOf(sums: RedSums): RedSourceFigures {
  return {
    requests: sums.requests,
    errors: sums.errors,
    latencyMs: {
      p50: percentile(sums.buckets, 0.5),
      p95: percentile(sums.buckets, 0.95),
      p99: percentile(sums.buckets, 0.99),
    },
  };
}

function add(into: RedSums, row: RedSums) {
  into.requests += row.requests;
  into.errors += row.errors;
  mergeBuckets(into.buckets, row.buckets);
}

const empty = (): RedSums => ({
  requests: 0,
  errors: 0,
  buckets: emptyBuckets(),
});

/**
 * The embedded source's RED from its aggregate rows: totals, per operation and one point per
 * step from `fromMs` (empty steps are points with no requests, so charts show gaps as zero
 * traffic). Percentiles come from the merged histograms.
 */
export function redFromRows(options: {
  fromMs: number;
  toMs: number;
  stepMs: number;
  rows: readonly RedRow[];
}): RedAnswer {
  const { rows, fromMs, toMs, stepMs } = options;
  const total = empty();
  const byOperation = new Map<string, RedSums>();
  const steps = Math.ceil((toMs - fromMs) / stepMs);
  const series = Array.from({ length: steps }, empty);
  for (const row of rows) {
    add(total, row);
    let op = byOperation.get(row.operation);
    if (!op) byOperation.set(row.operation, (op = empty()));
    add(op, row);
    const step = Math.floor((row.bucketMs - fromMs) / stepMs);
    if (step >= 0 && step < steps) add(series[step], row);
  }
  return {
    total: figuresOf(total),
    operations: [...byOperation].map(([operation, sums]) => ({
      operation,
      ...figuresOf(sums),
    })),
    series: series.map((sums, i) => ({
      at: new Date(fromMs + i * stepMs),
      ...figuresOf(sums),
    })),
  };
}
