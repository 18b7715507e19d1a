import { DoraWindow } from '@internal/plugin-deployments-common';

export const DORA_WINDOWS: readonly DoraWindow[] = ['7d', '30d', '90d'];

const DAY_MS = 24 * 60 * 60 * 1000;

/** A half-open time range `[from, to)` in epoch ms, and its length in days. */
export interface TimeRange {
  from: number;
  to: number;
  days: number;
}

export function isDoraWindow(value: unknown): value is DoraWindow {
  return DORA_WINDOWS.includes(value as DoraWindow);
}

/** The window ending now, and the one of the same length just before it (for the trend). */
export function windowRanges(
  window: DoraWindow,
  now: number,
): { current: TimeRange; previous: TimeRange } {
  const days = Number(window.slice(0, -1));
  const length = days * DAY_MS;
  return {
    current: { from: now - length, to: now, days },
    previous: { from: now - 2 * length, to: now - length, days },
  };
}
