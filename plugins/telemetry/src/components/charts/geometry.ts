/** One value of a time series; null where there is nothing to show (no traffic). */
export interface ChartPoint {
  at: string;
  value: number | null;
}

export interface ChartGeometry {
  /** An SVG path per run of consecutive values: a null breaks the line rather than faking zero. */
  paths: string[];
  /** Values with no neighbour to join, drawn as dots so they do not vanish. */
  dots: Array<{ x: number; y: number }>;
  yMin: number;
  yMax: number;
  /** Where a value sits on the chart, e.g. for a reference line. */
  yOf: (value: number) => number;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Lays out a time series in a `width × height` box: x by time, y by value between the lowest
 * and highest of the values and `include` (e.g. 0 and 1 for an error budget, so "untouched" and
 * "spent" are always on the chart). Pure, so the chart's shape can be tested without a DOM.
 */
export function chartGeometry(
  points: readonly ChartPoint[],
  options: { width: number; height: number; include?: number[] },
): ChartGeometry {
  const { width, height } = options;
  const times = points.map(p => Date.parse(p.at));
  const values = points
    .map(p => p.value)
    .filter((v): v is number => v !== null && Number.isFinite(v));
  let yMin = Math.min(...values, ...(options.include ?? []));
  let yMax = Math.max(...values, ...(options.include ?? []));
  if (!Number.isFinite(yMin) || !Number.isFinite(yMax)) {
    yMin = 0;
    yMax = 1;
  }
  if (yMin === yMax) {
    // A flat line gets some room: ±10 % around it, or 0…1 for a line of zeros (an error rate
    // without errors should not show a −100 % axis).
    if (yMin === 0) {
      yMax = 1;
    } else {
      const pad = Math.abs(yMin) * 0.1;
      yMin -= pad;
      yMax += pad;
    }
  }
  const tMin = Math.min(...times);
  const tMax = Math.max(...times);
  const xOf = (t: number) =>
    tMax === tMin ? width / 2 : ((t - tMin) / (tMax - tMin)) * width;
  const yOf = (v: number) => height - ((v - yMin) / (yMax - yMin)) * height;

  const runs: Array<Array<{ x: number; y: number }>> = [];
  let run: Array<{ x: number; y: number }> = [];
  points.forEach((p, i) => {
    if (
      p.value === null ||
      !Number.isFinite(p.value) ||
      Number.isNaN(times[i])
    ) {
      if (run.length) runs.push(run);
      run = [];
      return;
    }
    run.push({ x: round(xOf(times[i])), y: round(yOf(p.value)) });
  });
  if (run.length) runs.push(run);

  return {
    paths: runs
      .filter(r => r.length > 1)
      .map(r => r.map((pt, i) => `${i ? 'L' : 'M'}${pt.x},${pt.y}`).join(' ')),
    dots: runs.filter(r => r.length === 1).map(r => r[0]),
    yMin,
    yMax,
    yOf: v => round(yOf(v)),
  };
}

/** What a chart shows, in words for screen readers and tests: "latest 42%, lowest −120%, highest 100%". */
export function describeSeries(
  points: readonly ChartPoint[],
  format: (value: number) => string,
): string {
  const values = points
    .map(p => p.value)
    .filter((v): v is number => v !== null && Number.isFinite(v));
  if (values.length === 0) return 'no data';
  const latest = values[values.length - 1];
  return `latest ${format(latest)}, lowest ${format(
    Math.min(...values),
  )}, highest ${format(Math.max(...values))}`;
}
