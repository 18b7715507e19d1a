import type { WallClock } from '../slo/zonedTime';

const START_TIME =
  /^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[ T]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads a calendar window's `startTime` — a wall-clock time without a zone, `2024-01-01`,
 * `2024-01-01 00:00`, `2024-01-01 00:00:00` or with `T` — into its parts; undefined when it is
 * not one of these or not a real date and time.
 */
export function parseCalendarStart(text: unknown): WallClock | undefined {
  if (typeof text !== 'string') return undefined;
  const match = START_TIME.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match
    .slice(1)
    .map(part => Number(part ?? 0));
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month) ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return undefined;
  }
  return { year, month, day, hour, minute, second };
}

/** `YYYY-MM-DDTHH:mm:ss`. */
export function formatWallClock(w: WallClock): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(w.year).padStart(4, '0')}-${two(w.month)}-${two(
    w.day,
  )}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}`;
}
