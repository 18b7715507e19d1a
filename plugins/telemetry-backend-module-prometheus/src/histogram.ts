/*
 * "Slower than t" from a Prometheus histogram: cumulative counts per `le` bound (a request of
 * duration d is counted under every bound >= d; `+Inf` counts them all).
 *
 * - When t is a bound, the answer is exact: total − count(le = t).
 * - Between two bounds lower < t < upper, the requests of that bucket are split linearly: the
 *   share (upper − t) ÷ (upper − lower) counts as slower — the embedded source's rule
 *   (telemetry-backend src/aggregate/histogram.ts), so both sources agree whenever their bucket
 *   bounds agree. Below the first bound the bucket starts at 0.
 * - Above the last finite bound nothing can be told apart: everything in the `+Inf` bucket
 *   counts as slower.
 */

/** One `le` bound and the cumulative count at it (`le` as Prometheus writes it: `0.25`, `+Inf`). */
export interface CumulativeBucket {
  le: string;
  count: number;
}

function boundOf(le: string): number {
  if (le === '+Inf' || le === 'Inf' || le === '+inf') return Infinity;
  const n = Number(le);
  if (Number.isNaN(n))
    throw new Error(`Histogram bucket le="${le}" is not a number`);
  return n;
}

/**
 * Requests slower than `threshold` (same unit as the bounds). Empty input counts 0; a
 * histogram without `+Inf` is refused (it cannot say how many requests there were).
 */
export function slowerThanFromBuckets(
  buckets: readonly CumulativeBucket[],
  threshold: number,
): number {
  if (buckets.length === 0) return 0;
  const sorted = buckets
    .map(b => ({ bound: boundOf(b.le), count: b.count }))
    .sort((a, b) => a.bound - b.bound);
  const top = sorted[sorted.length - 1];
  if (top.bound !== Infinity) {
    throw new Error(
      'The latency histogram has no le="+Inf" bucket, so its total is unknown',
    );
  }
  const total = top.count;
  let lower = { bound: 0, count: 0 };
  for (const upper of sorted) {
    if (upper.bound === Infinity) return total - lower.count;
    if (upper.bound >= threshold) {
      const width = upper.bound - lower.bound;
      const share = width > 0 ? (threshold - lower.bound) / width : 1;
      const atOrBelow =
        lower.count + (upper.count - lower.count) * Math.max(0, share);
      return Math.max(0, total - atOrBelow);
    }
    lower = upper;
  }
  return 0;
}
