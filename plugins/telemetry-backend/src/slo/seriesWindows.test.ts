import { countsFromSeries, pairSeries } from './seriesWindows';

const at = (iso: string) => new Date(`2024-05-29T${iso}:00Z`);

/** Steps of 5 minutes from 11:45 to 12:00: 10, 20, 30 requests, 1, 2, 3 bad. */
const series = pairSeries(
  { from: at('11:45'), to: at('12:00') },
  5 * 60_000,
  [
    { at: at('11:45'), value: 10 },
    { at: at('11:50'), value: 20 },
    { at: at('11:55'), value: 30 },
  ],
  [
    { at: at('11:50'), value: 2 },
    { at: at('11:45'), value: 1 },
    { at: at('11:55'), value: 3 },
  ],
);

describe('countsFromSeries', () => {
  it('sums the whole steps of a window that ends with the series', () => {
    expect(
      countsFromSeries(series, { from: at('11:55'), to: at('12:00') }),
    ).toEqual({ total: 30, bad: 3 });
    // 20 + 30, 2 + 3
    expect(
      countsFromSeries(series, { from: at('11:50'), to: at('12:00') }),
    ).toEqual({ total: 50, bad: 5 });
    expect(
      countsFromSeries(series, { from: at('11:45'), to: at('12:00') }),
    ).toEqual({ total: 60, bad: 6 });
  });

  it('leaves windows off the step grid, past the series, or ending elsewhere to a count', () => {
    expect(
      countsFromSeries(series, { from: at('11:52'), to: at('12:00') }),
    ).toBeUndefined();
    expect(
      countsFromSeries(series, { from: at('11:40'), to: at('12:00') }),
    ).toBeUndefined();
    expect(
      countsFromSeries(series, { from: at('11:45'), to: at('11:55') }),
    ).toBeUndefined();
  });

  it('needs the series to cover the window: a missing first step is not a zero', () => {
    const gappy = { ...series, points: series.points.slice(1) };
    expect(
      countsFromSeries(gappy, { from: at('11:45'), to: at('12:00') }),
    ).toBeUndefined();
  });
});
