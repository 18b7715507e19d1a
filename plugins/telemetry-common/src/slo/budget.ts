/**
 * The error-budget arithmetic of an Occurrences SLO, on counts of requests: `total` requests,
 * `bad` of them failed (or were too slow). Without requests every figure is null — there is
 * nothing to attain and nothing burnt.
 */

/** Requests in a time range, and how many of them were bad. */
export interface SliCounts {
  total: number;
  bad: number;
}

/**
 * The share of requests allowed to be bad, 1 − target. Computed as written (0.001 for 0.999),
 * not as binary floating point has it (0.0010000000000000009), so a burn rate of exactly 1 is 1.
 */
export function allowedBadShare(target: number): number {
  return Number((1 - target).toPrecision(12));
}

/** good ÷ total: the share of requests that met the objective. */
export function attainment({ total, bad }: SliCounts): number | null {
  if (total <= 0) return null;
  return (total - bad) / total;
}

/**
 * 1 − bad ÷ allowed bad, where allowed bad = (1 − target) × total: 1 with no bad request, 0
 * when exactly the budget is spent, negative when it is overspent (−1 = spent twice over).
 */
export function errorBudgetRemaining(
  { total, bad }: SliCounts,
  target: number,
): number | null {
  if (total <= 0) return null;
  return 1 - bad / (allowedBadShare(target) * total);
}

/**
 * How fast the budget burns: the bad share ÷ the allowed bad share (1 − target). 1 spends the
 * budget exactly over the SLO window; 14.4 spends a 30-day budget's 2% in one hour.
 */
export function burnRate(
  { total, bad }: SliCounts,
  target: number,
): number | null {
  if (total <= 0) return null;
  return bad / total / allowedBadShare(target);
}
