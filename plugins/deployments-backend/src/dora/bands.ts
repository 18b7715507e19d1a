import {
  DoraBand,
  DoraBands,
  DoraFigures,
} from '@internal/plugin-deployments-common';

const HOUR = 60 * 60;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;

/**
 * The performance bands of the 2023 Accelerate State of DevOps Report (DORA), turned into
 * thresholds (docs/deployments.md has the report's table and how each threshold follows from it).
 * Each list goes from elite to medium; a value meeting none of them is low.
 */
export const BAND_THRESHOLDS = {
  /** Successful deployments per day, at least: on demand (≥ 1/day), ≥ 1/week, ≥ 1/month. */
  deploymentsPerDay: [1, 1 / 7, 1 / 30],
  /** Lead time in seconds, less than: one day, one week, one month. */
  leadTimeSeconds: [DAY, WEEK, MONTH],
  /** Change failure rate, at most: 5 %, 10 %, 15 %. */
  changeFailureRate: [0.05, 0.1, 0.15],
  /** Time to restore in seconds, less than: one hour, one day, one week. */
  timeToRestoreSeconds: [HOUR, DAY, WEEK],
} as const;

const ORDER: DoraBand[] = ['elite', 'high', 'medium'];

function band(
  value: number | null,
  thresholds: readonly number[],
  meets: (value: number, threshold: number) => boolean,
): DoraBand | null {
  if (value === null) return null;
  const index = thresholds.findIndex(t => meets(value, t));
  return index === -1 ? 'low' : ORDER[index];
}

/**
 * The band of each figure; null where the figure has no data (no deployments, no lead time,
 * no restored incident). Deployment frequency always has a band: no deployment in the window
 * is a frequency of zero, which is low.
 */
export function bandsFor(figures: DoraFigures): DoraBands {
  const atLeast = (v: number, t: number) => v >= t;
  const below = (v: number, t: number) => v < t;
  const atMost = (v: number, t: number) => v <= t;
  return {
    deploymentFrequency: band(
      figures.deploymentsPerDay,
      BAND_THRESHOLDS.deploymentsPerDay,
      atLeast,
    ),
    leadTime: band(
      figures.leadTimeSeconds.median,
      BAND_THRESHOLDS.leadTimeSeconds,
      below,
    ),
    changeFailureRate: band(
      figures.changeFailureRate,
      BAND_THRESHOLDS.changeFailureRate,
      atMost,
    ),
    timeToRestore: band(
      figures.timeToRestoreSeconds.median,
      BAND_THRESHOLDS.timeToRestoreSeconds,
      below,
    ),
  };
}
