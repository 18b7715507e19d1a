const pad = (n: number) => String(n).padStart(2, '0');

const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** @public */
export interface FormatMomentOptions {
  /** Show seconds for a moment today ("03:12:45"): traces need them, rollouts do not. */
  secondsToday?: boolean;
}

/**
 * A moment in local time as an on-call engineer reads it: "03:12" today, "14 Mar 03:12"
 * another day this year, "14 Mar 2025 03:12" otherwise. What is not a date is returned as
 * given, so a surprising value is shown rather than "Invalid Date".
 */
export function formatMoment(
  iso: string,
  now: Date = new Date(),
  options: FormatMomentOptions = {},
): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  const sameDay =
    at.getFullYear() === now.getFullYear() &&
    at.getMonth() === now.getMonth() &&
    at.getDate() === now.getDate();
  if (sameDay) {
    return options.secondsToday ? `${time}:${pad(at.getSeconds())}` : time;
  }
  const day = `${at.getDate()} ${MONTHS[at.getMonth()]}`;
  if (at.getFullYear() === now.getFullYear()) return `${day} ${time}`;
  return `${day} ${at.getFullYear()} ${time}`;
}
