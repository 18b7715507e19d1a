import { describeTrend, sparklinePath, sumSeries } from './sparkline';

const points = (...counts: number[]) =>
  counts.map((count, i) => ({ day: `2026-12-0${i + 1}`, count }));

describe('sparkline', () => {
  it('spaces days evenly and scales counts from zero to the highest', () => {
    expect(sparklinePath(points(0, 2, 4), 100, 20)).toBe('M0,20 L50,10 L100,0');
  });

  it('draws a single day as a flat line, and nothing for no days', () => {
    expect(sparklinePath(points(3), 100, 20)).toBe('M0,0 L100,0');
    expect(sparklinePath([], 100, 20)).toBe('');
  });

  it('keeps a line of zeros at the bottom', () => {
    expect(sparklinePath(points(0, 0), 10, 20)).toBe('M0,20 L10,20');
  });

  it('sums series day by day, days in order even when one series lacks a day', () => {
    expect(
      sumSeries([
        { points: points(1, 2) },
        {
          points: [
            { day: '2026-12-02', count: 5 },
            { day: '2026-12-03', count: 1 },
          ],
        },
      ]),
    ).toEqual([
      { day: '2026-12-01', count: 1 },
      { day: '2026-12-02', count: 7 },
      { day: '2026-12-03', count: 1 },
    ]);
  });

  it('says the latest count and its change', () => {
    expect(describeTrend(points(3, 1))).toBe('1, down 2 since 2026-12-01');
    expect(describeTrend(points(1, 4))).toBe('4, up 3 since 2026-12-01');
    expect(describeTrend(points(2, 2))).toBe('2, unchanged since 2026-12-01');
    expect(describeTrend([])).toBe('no data yet');
  });
});
