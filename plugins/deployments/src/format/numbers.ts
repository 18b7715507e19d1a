/**
 * Deployments per day with the precision the size deserves: "12 per day", "1.4 per day",
 * "0.21 per day (1.5 per week)" — below one a day, the weekly figure is what people compare.
 */
export function formatDeploysPerDay(perDay: number): string {
  if (perDay >= 10) return `${Math.round(perDay)} per day`;
  if (perDay >= 1) return `${trim(perDay.toFixed(1))} per day`;
  if (perDay === 0) return '0 per day';
  return `${trim(perDay.toFixed(2))} per day (${trim(
    (perDay * 7).toFixed(1),
  )} per week)`;
}

/** A rate (0…1) as a percentage: "12%", "4.5%", "no data" for null. */
export function formatPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) {
    return 'no data';
  }
  const percent = rate * 100;
  return `${trim(
    percent >= 10 || percent === 0 ? percent.toFixed(0) : percent.toFixed(1),
  )}%`;
}

function trim(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}
