/**
 * Wall-clock time in an IANA time zone, with the platform's Intl data only (browser-safe, no
 * time-zone library): what a calendar-aligned SLO window needs to start at midnight local time.
 */

/** A wall-clock date and time, without a zone. Months are 1-based. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether the platform knows the IANA time zone. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time in `timeZone` at an instant. */
export function wallClockAt(instant: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
  };
}

/** The wall clock read as if it were UTC (a number to compare and subtract). */
export function wallClockAsUtc(w: WallClock): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** The zone's offset from UTC at an instant, in ms (east positive). */
function offsetAt(instant: number, timeZone: string): number {
  const seconds = Math.floor(instant / 1000) * 1000;
  return wallClockAsUtc(wallClockAt(seconds, timeZone)) - seconds;
}

/**
 * The instant a wall-clock time in `timeZone` happens. In a spring-forward gap (a time that
 * does not exist, e.g. 02:30 when clocks jump from 02:00 to 03:00) it is the instant the clock
 * shows the time shifted by the gap (03:30); in a fall-back overlap, the earlier of the two.
 */
export function instantOf(w: WallClock, timeZone: string): number {
  const local = wallClockAsUtc(w);
  // The offset is taken at two candidate instants: one before and one after a transition.
  const before = local - offsetAt(local - 86_400_000, timeZone);
  const after = local - offsetAt(local + 86_400_000, timeZone);
  const candidates = [before, after]
    .filter(t => wallClockAsUtc(wallClockAt(t, timeZone)) === local)
    .sort((a, b) => a - b);
  if (candidates.length > 0) return candidates[0];
  // A gap: the time does not exist; the earlier offset carries it past the jump.
  return Math.max(before, after);
}
