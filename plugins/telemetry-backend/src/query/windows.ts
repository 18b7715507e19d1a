import { HOUR_MS, MINUTE_MS } from '../aggregate/minutes';

/** The windows the RED and edge reports accept, and how long each is. */
export const WINDOWS = {
  '15m': 15 * MINUTE_MS,
  '1h': HOUR_MS,
  '6h': 6 * HOUR_MS,
  '24h': 24 * HOUR_MS,
  '7d': 7 * 24 * HOUR_MS,
} as const;
export type WindowName = keyof typeof WINDOWS;

export function isWindow(value: string): value is WindowName {
  return Object.prototype.hasOwnProperty.call(WINDOWS, value);
}

/** The chart step for a window: a minute up to 6 h, then an hour. */
export function stepOf(window: WindowName): number {
  return WINDOWS[window] <= 6 * HOUR_MS ? MINUTE_MS : HOUR_MS;
}

/** Windows longer than 6 h read hour rows where they are complete. */
export function prefersHours(window: WindowName): boolean {
  return WINDOWS[window] > 6 * HOUR_MS;
}

/**
 * [from, to) of a window ending now: `to` is the end of the current minute (so the minute in
 * progress counts), `from` a whole window before it.
 */
export function rangeOf(window: WindowName, nowMs: number): { fromMs: number; toMs: number } {
  const toMs = Math.floor(nowMs / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
  return { fromMs: toMs - WINDOWS[window], toMs };
}
