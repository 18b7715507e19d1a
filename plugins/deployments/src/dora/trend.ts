import { Better } from './metrics';

/** How a figure moved against the previous window. */
export interface Trend {
  direction: 'up' | 'down' | 'same' | 'unknown';
  /** Whether the move is good news; undefined when it did not move or cannot be compared. */
  verdict?: 'better' | 'worse';
}

/**
 * Compares this window's value with the previous one. Differences below half a percent of the
 * larger value count as "same", so rounding noise does not show as an arrow.
 */
export function trendOf(
  current: number | null,
  previous: number | null,
  better: Better,
): Trend {
  if (current === null || previous === null) return { direction: 'unknown' };
  const scale = Math.max(Math.abs(current), Math.abs(previous));
  if (scale === 0 || Math.abs(current - previous) <= scale * 0.005) {
    return { direction: 'same' };
  }
  const direction = current > previous ? 'up' : 'down';
  const improved = (direction === 'up') === (better === 'higher');
  return { direction, verdict: improved ? 'better' : 'worse' };
}
