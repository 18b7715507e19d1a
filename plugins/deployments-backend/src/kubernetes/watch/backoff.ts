/**
 * Delay before retry number `attempt` (0-based): doubling from `initialMs` up to `maxMs`, with
 * "equal jitter" (half fixed, half random) so the informers of a cluster that comes back do not
 * all reconnect in the same millisecond.
 */
export function backoffDelay(
  attempt: number,
  initialMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
