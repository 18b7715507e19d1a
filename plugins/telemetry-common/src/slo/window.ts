import type { SloTimeWindow } from '../openslo/types';
import { instantOf, WallClock, wallClockAsUtc, wallClockAt } from './zonedTime';

const DAY_MS = 86_400_000;

/** The SLO window the status is computed over: [from, to). */
export interface SloWindowRange {
  from: Date;
  to: Date;
  /** Calendar windows: where the current period ends (the budget resets then). */
  periodEnd?: Date;
}

function readWallClock(text: string): WallClock {
  const [date, time] = text.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute, second] = time.split(':').map(Number);
  return { year, month, day, hour, minute, second };
}

/** The wall clock `days` days later (same time of day). */
function addDays(w: WallClock, days: number): WallClock {
  const d = new Date(wallClockAsUtc(w) + days * DAY_MS);
  return {
    ...w,
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
  };
}

/** The wall clock `months` months later; a day past the month's end becomes its last day. */
function addMonths(w: WallClock, months: number): WallClock {
  const index = w.year * 12 + (w.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { ...w, year, month, day: Math.min(w.day, lastDay) };
}

/**
 * The calendar period that contains `now`: periods of `count` units follow each other from
 * `startTime` (wall-clock time in `timeZone`), so a `1M` window from `2024-01-01 00:00:00`
 * restarts at local midnight on the 1st of every month whatever the UTC offset — with daylight
 * saving time, a Berlin month starts at 23:00 UTC in winter and 22:00 UTC in summer. Days and
 * weeks also follow the wall clock; minutes and hours are fixed lengths.
 */
export function calendarPeriod(
  window: Extract<SloTimeWindow, { isRolling: false }>,
  now: Date,
): { start: Date; end: Date } {
  const { timeZone } = window.calendar;
  const origin = readWallClock(window.calendar.startTime);
  const { count, unit } = window.length;
  const t = now.getTime();

  if (unit === 'm' || unit === 'h') {
    const period = count * (unit === 'm' ? 60_000 : 3_600_000);
    const first = instantOf(origin, timeZone);
    const k = Math.floor((t - first) / period);
    return {
      start: new Date(first + k * period),
      end: new Date(first + (k + 1) * period),
    };
  }

  let nth: (k: number) => WallClock;
  let estimate: number;
  const local = wallClockAt(t, timeZone);
  if (unit === 'd' || unit === 'w') {
    const days = count * (unit === 'w' ? 7 : 1);
    nth = k => addDays(origin, k * days);
    estimate = Math.floor(
      (wallClockAsUtc(local) - wallClockAsUtc(origin)) / (days * DAY_MS),
    );
  } else {
    const months = count * { M: 1, Q: 3, Y: 12 }[unit];
    nth = k => addMonths(origin, k * months);
    estimate = Math.floor(
      ((local.year - origin.year) * 12 + (local.month - origin.month)) / months,
    );
  }
  // The estimate is off by at most one period (time of day, month lengths, an offset change).
  let k = estimate + 1;
  while (instantOf(nth(k), timeZone) > t) k -= 1;
  return {
    start: new Date(instantOf(nth(k), timeZone)),
    end: new Date(instantOf(nth(k + 1), timeZone)),
  };
}

/**
 * The range the SLO's attainment and budget are computed over at `now`: the last `duration`
 * for a rolling window, from the current calendar period's start for a calendar window.
 */
export function sloWindowRange(
  window: SloTimeWindow,
  now: Date,
): SloWindowRange {
  if (window.isRolling) {
    return { from: new Date(now.getTime() - window.durationMs), to: now };
  }
  const { start, end } = calendarPeriod(window, now);
  return { from: start, to: now, periodEnd: end };
}
