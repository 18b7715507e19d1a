import { slowerThanFromBuckets } from './histogram';

// 100 requests: 10 ≤ 100 ms, 40 more ≤ 250 ms, 30 more ≤ 500 ms, 20 above.
const buckets = [
  { le: '100', count: 10 },
  { le: '500', count: 80 },
  { le: '250', count: 50 },
  { le: '+Inf', count: 100 },
];

describe('slowerThanFromBuckets', () => {
  it('is exact at a bound', () => {
    expect(slowerThanFromBuckets(buckets, 250)).toBe(50);
    expect(slowerThanFromBuckets(buckets, 500)).toBe(20);
    expect(slowerThanFromBuckets(buckets, 100)).toBe(90);
  });

  it('splits a bucket linearly between bounds, as the embedded source does', () => {
    // 300 ms: (500 − 300) ÷ 250 of the 30 in (250, 500] are slower → 20 + 24.
    expect(slowerThanFromBuckets(buckets, 300)).toBeCloseTo(44, 10);
    // Below the first bound the bucket starts at 0: 50 ms → half of the first 10 are slower.
    expect(slowerThanFromBuckets(buckets, 50)).toBeCloseTo(95, 10);
  });

  it('counts everything in +Inf as slower above the last finite bound', () => {
    expect(slowerThanFromBuckets(buckets, 10_000)).toBe(20);
  });

  it('reads seconds-based and float-formatted bounds', () => {
    expect(
      slowerThanFromBuckets(
        [
          { le: '0.25', count: 3 },
          { le: '1.0', count: 4 },
          { le: '+Inf', count: 5 },
        ],
        0.25,
      ),
    ).toBe(2);
  });

  it('counts 0 without buckets, and refuses a histogram without +Inf', () => {
    expect(slowerThanFromBuckets([], 100)).toBe(0);
    expect(() => slowerThanFromBuckets([{ le: '100', count: 1 }], 50)).toThrow(
      'no le="+Inf"',
    );
    expect(() => slowerThanFromBuckets([{ le: 'x', count: 1 }], 50)).toThrow(
      'le="x" is not a number',
    );
  });
});
