function trim(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/**
 * A ratio (0…1) as a percentage with the precision SLOs need: near 100 % the third decimal
 * matters (99.95 % vs 99.9 %), from 100 % on (an overspent budget) none does, elsewhere one is
 * enough. "no data" for null.
 */
export function formatRatio(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return 'no data';
  }
  const percent = value * 100;
  const size = Math.abs(percent);
  let digits = 1;
  if (size >= 99 && size < 100) digits = 3;
  else if (size > 100) digits = 0;
  return `${trim(percent.toFixed(digits))}%`;
}

/** A burn rate as a multiple of the sustainable pace: "14.4×", "0.25×", "no traffic" for null. */
export function formatBurnRate(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    return 'no traffic';
  }
  if (value >= 100) return `${Math.round(value)}×`;
  if (value >= 1) return `${trim(value.toFixed(1))}×`;
  return `${trim(value.toFixed(2))}×`;
}

/** A latency in milliseconds: "0.4 ms", "212 ms", "1.25 s", "2 min 5 s"; "no data" for null. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return 'no data';
  if (ms < 1) return `${trim(ms.toFixed(1))} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${trim((ms / 1000).toFixed(2))} s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return seconds ? `${minutes} min ${seconds} s` : `${minutes} min`;
}

/** A count with thousands separated by a thin space, as people read it: "12 480". */
export function formatCount(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, '\u2009');
}

/** Requests per minute over a window: "240/min", "0.5/min". */
export function formatPerMinute(count: number, windowMs: number): string {
  if (windowMs <= 0) return 'no data';
  const perMinute = count / (windowMs / 60_000);
  if (perMinute >= 10) return `${formatCount(perMinute)}/min`;
  return `${trim(perMinute.toFixed(perMinute >= 1 ? 1 : 2))}/min`;
}
