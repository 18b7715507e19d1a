/** A daily count, as the history answers it. */
export interface DayCount {
  day: string;
  count: number;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * The SVG path of daily counts in a `width × height` box: days evenly spaced (the history has
 * one point per day), counts from 0 to the highest (a trend of counts reads wrong without its
 * zero). One point is a flat line across. Pure, so the shape is tested without a DOM.
 */
export function sparklinePath(
  points: readonly DayCount[],
  width: number,
  height: number,
): string {
  if (points.length === 0) return '';
  const max = Math.max(1, ...points.map(p => p.count));
  const y = (count: number) => round(height - (count / max) * height);
  if (points.length === 1) {
    return `M0,${y(points[0].count)} L${width},${y(points[0].count)}`;
  }
  const step = width / (points.length - 1);
  return points
    .map((p, i) => `${i ? 'L' : 'M'}${round(i * step)},${y(p.count)}`)
    .join(' ');
}

/** Day-by-day sums of several series (e.g. open findings of every rule). */
export function sumSeries(
  series: ReadonlyArray<{ points: readonly DayCount[] }>,
): DayCount[] {
  const totals = new Map<string, number>();
  for (const s of series) {
    for (const p of s.points)
      totals.set(p.day, (totals.get(p.day) ?? 0) + p.count);
  }
  return [...totals.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([day, count]) => ({ day, count }));
}

/** "7, up 2 since 2026-11-02" — the latest count and its change over the shown days. */
export function describeTrend(points: readonly DayCount[]): string {
  if (points.length === 0) return 'no data yet';
  const first = points[0];
  const last = points[points.length - 1];
  const change = last.count - first.count;
  if (points.length === 1 || change === 0)
    return `${last.count}, unchanged since ${first.day}`;
  return `${last.count}, ${change > 0 ? 'up' : 'down'} ${Math.abs(
    change,
  )} since ${first.day}`;
}
