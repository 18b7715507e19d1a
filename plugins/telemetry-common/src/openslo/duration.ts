import type { DurationShorthand, DurationUnit } from './types';

const SHORTHAND = /^([1-9][0-9]{0,5})([mhdwMQY])$/;

const FIXED_UNIT_MS: Partial<Record<DurationUnit, number>> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

/**
 * Parses an OpenSLO duration shorthand: a positive integer and a case-sensitive unit
 * (`m` minutes, `h` hours, `d` days, `w` weeks, `M` months, `Q` quarters, `Y` years).
 * Returns undefined for anything else (`28 d`, `0d`, `1.5h`, `28D`).
 */
export function parseDurationShorthand(
  text: unknown,
): DurationShorthand | undefined {
  if (typeof text !== 'string') return undefined;
  const match = SHORTHAND.exec(text);
  if (!match) return undefined;
  return { count: Number(match[1]), unit: match[2] as DurationUnit };
}

/**
 * The length in milliseconds of a duration of fixed length (m, h, d, w); undefined for months,
 * quarters and years, whose length depends on where they start (calendar windows only).
 */
export function fixedDurationMs(
  duration: DurationShorthand,
): number | undefined {
  const unitMs = FIXED_UNIT_MS[duration.unit];
  return unitMs === undefined ? undefined : duration.count * unitMs;
}
