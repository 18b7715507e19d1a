import { HOUR_MS, MINUTE_MS } from '../aggregate/minutes';

/** How long each kind of row is kept; see config.d.ts (`telemetry.retention.*`). */
export interface Retention {
  minutesMs: number;
  hoursMs: number;
  /** The de-duplication window: a retried batch within it is not counted again. */
  dedupMs: number;
  /** Caller/callee halves wait this long for each other. */
  pendingPairsMs: number;
  /** Trace samples (and their spans) older than this leave the sample. */
  samplesMs: number;
}

export const DEFAULT_RETENTION: Retention = {
  minutesMs: 2 * 24 * HOUR_MS,
  hoursMs: 35 * 24 * HOUR_MS,
  dedupMs: 10 * MINUTE_MS,
  pendingPairsMs: 10 * MINUTE_MS,
  samplesMs: 24 * HOUR_MS,
};

/**
 * Where reads switch from hour rows to minute rows. Minute rows are complete from the minute
 * retention's edge on (rounded up to an hour), hour rows for every hour before the rollup's
 * watermark (late spans are added to both), so:
 * - fine reads (windows up to 6 h) take minutes wherever they still exist;
 * - coarse reads (longer windows) take hours up to the watermark and minutes after it.
 */
export function splitPoint(options: {
  nowMs: number;
  rolledUpUntil: number;
  retention: Retention;
  preferHours: boolean;
}): number {
  const { nowMs, rolledUpUntil, retention, preferHours } = options;
  if (preferHours) return rolledUpUntil;
  const minutesFrom = Math.ceil((nowMs - retention.minutesMs) / HOUR_MS) * HOUR_MS;
  return Math.min(minutesFrom, rolledUpUntil);
}
