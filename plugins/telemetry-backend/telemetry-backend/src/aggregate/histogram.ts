/*
 * The latency histogram every aggregate row carries: fixed bucket bounds, so histograms of
 * different minutes, operations and replicas merge by adding counts bucket by bucket (in SQL:
 * `b07 = b07 + excluded.b07`).
 *
 * Bounds: the R10 preferred numbers (ISO 3; 10^(i/10) rounded: 1, 1.25, 1.6, 2, 2.5, 3.15, 4, 5,
 * 6.3, 8 per decade) from 1 ms to 100 s — 51 upper bounds, each about 26 % above the one before,
 * so the common SLO thresholds (100, 200, 250, 400, 500 ms, 1, 2, 2.5 s …) are bounds. Bucket i
 * counts durations d with BOUNDS[i-1] < d <= BOUNDS[i] (bucket 0: d <= 1 ms; the last bucket,
 * index 51: d > 100 s), as Prometheus's `le` buckets do.
 *
 * Reading it back:
 * - a percentile is interpolated linearly inside the bucket where the cumulative count crosses
 *   the rank (error at most half a bucket: ±13 %); in the overflow bucket it is 100 s;
 * - "slower than t" is exact when t is a bound; between two bounds the bucket's count is split
 *   linearly: the share (upper − t) ÷ (upper − lower) counts as slower.
 */

const R10 = [1, 1.25, 1.6, 2, 2.5, 3.15, 4, 5, 6.3, 8];

/** Upper bounds in milliseconds, ascending (51 of them: 1 ms … 100 s). */
export const BUCKET_BOUNDS_MS: readonly number[] = (() => {
  const bounds: number[] = [];
  for (let decade = 1; decade <= 10_000; decade *= 10) {
    for (const r of R10) bounds.push(Math.round(r * decade * 100) / 100);
  }
  bounds.push(100_000);
  return bounds;
})();

/** Number of buckets: one per bound and one overflow. */
export const BUCKET_COUNT = BUCKET_BOUNDS_MS.length + 1;

/** The bucket a duration falls into (binary search over the bounds). */
export function bucketIndex(durationMs: number): number {
  let lo = 0;
  let hi = BUCKET_BOUNDS_MS.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (durationMs <= BUCKET_BOUNDS_MS[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function emptyBuckets(): number[] {
  return new Array(BUCKET_COUNT).fill(0);
}

/** Adds `from` into `into`, bucket by bucket. */
export function mergeBuckets(into: number[], from: readonly number[]): number[] {
  for (let i = 0; i < BUCKET_COUNT; i++) into[i] += from[i] ?? 0;
  return into;
}

function lowerBound(index: number): number {
  return index === 0 ? 0 : BUCKET_BOUNDS_MS[index - 1];
}

/** The q-quantile (0 < q < 1) in ms, or null for an empty histogram. */
export function percentile(buckets: readonly number[], q: number): number | null {
  let total = 0;
  for (const n of buckets) total += n;
  if (total === 0) return null;
  const rank = q * total;
  let cumulative = 0;
  for (let i = 0; i < BUCKET_COUNT; i++) {
    const n = buckets[i] ?? 0;
    if (n > 0 && cumulative + n >= rank) {
      if (i === BUCKET_COUNT - 1) return BUCKET_BOUNDS_MS[BUCKET_BOUNDS_MS.length - 1];
      const lower = lowerBound(i);
      const upper = BUCKET_BOUNDS_MS[i];
      return lower + ((rank - cumulative) / n) * (upper - lower);
    }
    cumulative += n;
  }
  return BUCKET_BOUNDS_MS[BUCKET_BOUNDS_MS.length - 1];
}

/** How many durations are above `thresholdMs` (see the file comment for between-bound thresholds). */
export function countSlowerThan(buckets: readonly number[], thresholdMs: number): number {
  let slower = 0;
  for (let i = 0; i < BUCKET_COUNT; i++) {
    const n = buckets[i] ?? 0;
    if (n === 0) continue;
    const lower = lowerBound(i);
    const upper = i < BUCKET_BOUNDS_MS.length ? BUCKET_BOUNDS_MS[i] : Infinity;
    if (lower >= thresholdMs) slower += n;
    else if (upper > thresholdMs && upper !== Infinity) {
      slower += (n * (upper - thresholdMs)) / (upper - lower);
    } else if (upper === Infinity) slower += n;
  }
  return slower;
}

/** Column names of the buckets in the aggregate tables: b00 … b51. */
export const BUCKET_COLUMNS: readonly string[] = Array.from(
  { length: BUCKET_COUNT },
  (_, i) => `b${String(i).padStart(2, '0')}`,
);
