import { isValidTimeZone } from '../slo/zonedTime';
import { formatWallClock, parseCalendarStart } from './calendarStart';
import {
  child,
  isRecord,
  Located,
  pathText,
  ProblemCollector,
} from './context';
import { fixedDurationMs, parseDurationShorthand } from './duration';
import { OPENSLO_RULES } from './rules';
import type { SloTimeWindow } from './types';

/**
 * Reads `spec.timeWindow`: exactly one item, either rolling (`duration` of fixed length — m, h,
 * d or w — and `isRolling: true`) or calendar-aligned (`calendar: {startTime, timeZone}`,
 * `isRolling: false` or omitted, any duration unit including M, Q and Y).
 */
export function readTimeWindow(
  spec: Located,
  problems: ProblemCollector,
): SloTimeWindow | undefined {
  const list = child(spec, 'timeWindow');
  if (!Array.isArray(list.value) || list.value.length !== 1) {
    problems.report(
      list,
      OPENSLO_RULES.invalidTimeWindow,
      list.value === undefined
        ? `${pathText(
            list.path,
          )} is required: one item, e.g. "- duration: 28d" with "isRolling: true"`
        : `${pathText(list.path)} must be a list of exactly one window`,
    );
    return undefined;
  }
  const item = child(list, 0);
  if (!isRecord(item.value)) {
    problems.report(
      item,
      OPENSLO_RULES.invalidTimeWindow,
      'a time window must be a mapping with duration',
    );
    return undefined;
  }
  const durationAt = child(item, 'duration');
  const duration = parseDurationShorthand(durationAt.value);
  if (!duration) {
    problems.report(
      durationAt,
      OPENSLO_RULES.invalidDuration,
      durationAt.value === undefined
        ? `${pathText(durationAt.path)} is required, e.g. 28d`
        : `"${String(
            durationAt.value,
          )}" is not a duration: write a positive whole number and one of m, h, d, w, M, Q, Y (e.g. 28d, 4w, 1M)`,
    );
    return undefined;
  }
  const text = durationAt.value as string;
  const isRollingAt = child(item, 'isRolling');
  const calendarAt = child(item, 'calendar');
  if (
    isRollingAt.value !== undefined &&
    typeof isRollingAt.value !== 'boolean'
  ) {
    problems.report(
      isRollingAt,
      OPENSLO_RULES.invalidTimeWindow,
      'isRolling must be true or false',
    );
    return undefined;
  }
  if (isRollingAt.value === true) {
    if (calendarAt.value !== undefined) {
      problems.report(
        calendarAt,
        OPENSLO_RULES.invalidTimeWindow,
        'a rolling window (isRolling: true) has no calendar: remove calendar or set isRolling: false',
        'key',
      );
      return undefined;
    }
    const durationMs = fixedDurationMs(duration);
    if (durationMs === undefined) {
      problems.report(
        durationAt,
        OPENSLO_RULES.invalidTimeWindow,
        `a rolling window needs a fixed length: write ${text} in days or weeks (e.g. 28d, 4w), or make it a calendar window`,
      );
      return undefined;
    }
    return { isRolling: true, duration: text, durationMs };
  }
  if (!isRecord(calendarAt.value)) {
    problems.report(
      calendarAt,
      OPENSLO_RULES.invalidTimeWindow,
      isRollingAt.value === false
        ? 'a calendar window (isRolling: false) needs calendar: {startTime, timeZone}'
        : 'set isRolling: true for a rolling window, or give calendar: {startTime, timeZone} for a calendar window',
      'key',
    );
    return undefined;
  }
  const startAt = child(calendarAt, 'startTime');
  const start = parseCalendarStart(startAt.value);
  const zoneAt = child(calendarAt, 'timeZone');
  let ok = true;
  if (!start) {
    problems.report(
      startAt,
      OPENSLO_RULES.invalidTimeWindow,
      startAt.value === undefined
        ? 'calendar.startTime is required, e.g. "2024-01-01 00:00:00" (wall-clock time in timeZone)'
        : `calendar.startTime "${String(
            startAt.value,
          )}" is not a date and time like "2024-01-01 00:00:00"`,
    );
    ok = false;
  }
  if (typeof zoneAt.value !== 'string' || !isValidTimeZone(zoneAt.value)) {
    problems.report(
      zoneAt,
      OPENSLO_RULES.invalidTimeWindow,
      zoneAt.value === undefined
        ? 'calendar.timeZone is required: an IANA time zone such as UTC or Europe/Berlin'
        : `calendar.timeZone "${String(
            zoneAt.value,
          )}" is not an IANA time zone (e.g. UTC, Europe/Berlin)`,
    );
    ok = false;
  }
  if (!ok) return undefined;
  return {
    isRolling: false,
    duration: text,
    length: duration,
    calendar: {
      startTime: formatWallClock(start!),
      timeZone: zoneAt.value as string,
    },
  };
}
