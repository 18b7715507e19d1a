/**
 * An ISO 8601 date-time with a time zone: `2026-11-30T10:00:00Z`, `…T10:00:00.123+01:00`.
 * A zone is required: without one the instant depends on the server's clock settings.
 */
const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

/** Epoch milliseconds of an ISO 8601 date-time with zone, or undefined when it is not one. */
export function parseIsoTimestamp(value: string): number | undefined {
  const match = ISO_DATE_TIME.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second = 0] = match.map(v =>
    v === undefined ? undefined : Number(v),
  ) as number[];
  // Date.parse rolls 2026-02-30 over to March; refuse dates that do not exist.
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (
    calendar.getUTCFullYear() !== year ||
    calendar.getUTCMonth() !== month - 1 ||
    calendar.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return undefined;
  }
  const millis = Date.parse(value);
  return Number.isNaN(millis) ? undefined : millis;
}
