import {
  BUCKET_BOUNDS_MS,
  BUCKET_COLUMNS,
  BUCKET_COUNT,
  bucketIndex,
  countSlowerThan,
  emptyBuckets,
  mergeBuckets,
  percentile,
} from './histogram';

function histogramOf(durations: number[]): number[] {
  const buckets = emptyBuckets();
  for (const d of durations) buckets[bucketIndex(d)] += 1;
  return buckets;
}

describe('latency histogram', () => {
  it('has the R10 bounds from 1 ms to 100 s, each about 26 % above the last', () => {
    expect(BUCKET_BOUNDS_MS.slice(0, 10)).toEqual([1, 1.25, 1.6, 2, 2.5, 3.15, 4, 5, 6.3, 8]);
    expect(BUCKET_BOUNDS_MS).toContain(100);
    expect(BUCKET_BOUNDS_MS).toContain(250);
    expect(BUCKET_BOUNDS_MS).toContain(500);
    expect(BUCKET_BOUNDS_MS).toContain(2500);
    expect(BUCKET_BOUNDS_MS[BUCKET_BOUNDS_MS.length - 1]).toBe(100_000);
    expect(BUCKET_COUNT).toBe(52);
    expect(BUCKET_COLUMNS[0]).toBe('b00');
    expect(BUCKET_COLUMNS[51]).toBe('b51');
    for (let i = 1; i < BUCKET_BOUNDS_MS.length; i++) {
      const ratio = BUCKET_BOUNDS_MS[i] / BUCKET_BOUNDS_MS[i - 1];
      expect(ratio).toBeGreaterThan(1.2);
      expect(ratio).toBeLessThan(1.3);
    }
  });

  it('puts a duration equal to a bound into that bound\'s bucket (le semantics)', () => {
    expect(bucketIndex(0.2)).toBe(0);
    expect(bucketIndex(1)).toBe(0);
    expect(bucketIndex(1.01)).toBe(1);
    expect(bucketIndex(100)).toBe(BUCKET_BOUNDS_MS.indexOf(100));
    expect(bucketIndex(100.5)).toBe(BUCKET_BOUNDS_MS.indexOf(100) + 1);
    expect(bucketIndex(250_000)).toBe(51);
  });

  it('interpolates percentiles inside a bucket', () => {
    // 100 durations of 90 ms (bucket (80, 100]): every percentile lies in that bucket.
    const h = histogramOf(new Array(100).fill(90));
    expect(percentile(h, 0.5)).toBeCloseTo(90, 5); // 80 + 0.5 × 20
    expect(percentile(h, 0.99)).toBeCloseTo(99.8, 5);
    expect(percentile(emptyBuckets(), 0.5)).toBeNull();
  });

  it('gives percentiles of a mixed population within a bucket width', () => {
    // 90 fast (10 ms) and 10 slow (1 s) requests: p50 in the 10 ms bucket, p95 and p99 near 1 s.
    const h = histogramOf([...new Array(90).fill(10), ...new Array(10).fill(1000)]);
    expect(percentile(h, 0.5)).toBeGreaterThan(8);
    expect(percentile(h, 0.5)).toBeLessThanOrEqual(10);
    expect(percentile(h, 0.95)).toBeGreaterThan(800);
    expect(percentile(h, 0.95)).toBeLessThanOrEqual(1000);
    expect(percentile(h, 0.99)).toBeLessThanOrEqual(1000);
  });

  it('answers 100 s for percentiles in the overflow bucket', () => {
    expect(percentile(histogramOf([500_000]), 0.5)).toBe(100_000);
  });

  it('counts slower-than exactly at bounds and linearly between them', () => {
    const h = histogramOf([50, 90, 90, 90, 120, 300, 300]);
    expect(countSlowerThan(h, 100)).toBe(3); // a bound: exact
    expect(countSlowerThan(h, 250)).toBe(2);
    expect(countSlowerThan(h, 0)).toBe(7);
    // 90 (three of them) is in (80, 100]: for t = 95 the share (100 − 95) / 20 = 1/4 counts.
    expect(countSlowerThan(h, 95)).toBeCloseTo(3 + 3 * 0.25, 10);
    expect(countSlowerThan(histogramOf([500_000]), 200_000)).toBe(1);
  });

  it('merges by adding counts bucket by bucket', () => {
    const a = histogramOf([1, 10, 100]);
    const b = histogramOf([10, 1000]);
    const merged = mergeBuckets(emptyBuckets(), a);
    mergeBuckets(merged, b);
    expect(merged).toEqual(histogramOf([1, 10, 100, 10, 1000]));
  });
});
