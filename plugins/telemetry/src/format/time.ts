import { formatMoment as formatMomentIn } from '@internal/frontend-kit';
import { TelemetryWindow } from '../api';

/**
 * A moment in local time as an on-call engineer reads it: "03:12:45" today (seconds matter for
 * traces), "14 Mar 03:12" another day this year, "14 Mar 2025 03:12" otherwise.
 */
export function formatMoment(iso: string, now: Date = new Date()): string {
  return formatMomentIn(iso, now, { secondsToday: true });
}

/** What the window picker calls each window. */
export const TELEMETRY_WINDOW_LABELS: Record<TelemetryWindow, string> = {
  '15m': 'Last 15 minutes',
  '1h': 'Last hour',
  '6h': 'Last 6 hours',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
};

const WINDOW_WORDS: Record<string, string> = {
  '15m': 'the last 15 minutes',
  '1h': 'the last hour',
  '6h': 'the last 6 hours',
  '24h': 'the last 24 hours',
  '7d': 'the last 7 days',
};

/** A window as words: "the last hour". */
export function windowWords(window: string): string {
  return WINDOW_WORDS[window] ?? `the last ${window}`;
}

const UNIT_WORDS: Record<string, [string, string]> = {
  m: ['minute', 'minutes'],
  h: ['hour', 'hours'],
  d: ['day', 'days'],
  w: ['week', 'weeks'],
  M: ['month', 'months'],
  Q: ['quarter', 'quarters'],
  y: ['year', 'years'],
};

/** An OpenSLO duration as words: "28d" → "28 days", "1M" → "1 month". */
export function durationWords(duration: string): string {
  const match = /^(\d+)([mhdwMQy])$/.exec(duration.trim());
  if (!match) return duration;
  const count = Number(match[1]);
  const [one, many] = UNIT_WORDS[match[2]];
  return `${count} ${count === 1 ? one : many}`;
}
