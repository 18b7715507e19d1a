import type { SliCounts } from '@internal/plugin-telemetry-common';

/** A series of total and bad counts per step `[at, at + stepMs)` from `fromMs` up to `toMs`. */
export interface PairedSeries {
  fromMs: number;
  toMs: number;
  stepMs: number;
  points: Array<{ at: Date; total: number; bad: number }>;
}

/** Joins a source's total and bad series by step. */
export function pairSeries(
  range: { from: Date; to: Date },
  stepMs: number,
  total: Array<{ at: Date; value: number }>,
  bad: Array<{ at: Date; value: number }>,
): PairedSeries {
  const badAt = new Map(bad.map(p => [p.at.getTime(), p.value]));
  return {
    fromMs: range.from.getTime(),
    toMs: range.to.getTime(),
    stepMs,
    points: total.map(p => ({
      at: p.at,
      total: p.value,
      bad: badAt.get(p.at.getTime()) ?? 0,
    })),
  };
}

/**
 * The counts over [from, to) as the sum of a series' steps, when the range is exactly a run of
 * whole steps up to the series' end (a burn window ending now, on the series' step grid);
 * undefined otherwise. A count over a range and the sum of its steps are the same number
 * (per-step counts add up, latency buckets too), so this saves the source a query per window.
 */
export function countsFromSeries(
  series: PairedSeries,
  range: { from: Date; to: Date },
): SliCounts | undefined {
  const from = range.from.getTime();
  if (range.to.getTime() !== series.toMs) return undefined;
  if (from < series.fromMs || (from - series.fromMs) % series.stepMs !== 0) {
    return undefined;
  }
  const inRange = series.points.filter(p => p.at.getTime() >= from);
  // The series must cover the range: its first step starts exactly at `from`.
  if (inRange.length === 0 || inRange[0].at.getTime() !== from)
    return undefined;
  return inRange.reduce(
    (sum, p) => ({ total: sum.total + p.total, bad: sum.bad + p.bad }),
    { total: 0, bad: 0 },
  );
}
