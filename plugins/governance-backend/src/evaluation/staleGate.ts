import type { TelemetryWindow } from '../inputs/telemetryInput';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Each telemetry window's length, and how the sources record names it. */
const WINDOWS: Record<TelemetryWindow, { ms: number; label: string }> = {
  '15m': { ms: 15 * MINUTE, label: '15 min' },
  '1h': { ms: HOUR, label: '1 h' },
  '6h': { ms: 6 * HOUR, label: '6 h' },
  '24h': { ms: DAY, label: '24 h' },
  '7d': { ms: 7 * DAY, label: '7 d' },
};

/** A span as people say it: `45 s`, `3 min`, `2 h 5 min`, `1 d 4 h`. */
export function formatSpan(ms: number): string {
  const span = Math.max(0, ms);
  if (span < MINUTE) return `${Math.floor(span / 1000)} s`;
  if (span < HOUR) return `${Math.floor(span / MINUTE)} min`;
  if (span < DAY) {
    const minutes = Math.floor((span % HOUR) / MINUTE);
    return `${Math.floor(span / HOUR)} h${minutes ? ` ${minutes} min` : ''}`;
  }
  const hours = Math.floor((span % DAY) / HOUR);
  return `${Math.floor(span / DAY)} d${hours ? ` ${hours} h` : ''}`;
}

/** Whether stale-declaration may run, and what the evaluation's sources record says about it. */
export interface StaleDeclarationGate {
  open: boolean;
  /** `ok`, or `waits until <ISO time>: telemetry has watched 3 min of its 24 h window`. */
  status: string;
}

/**
 * A declared relation is stale only when telemetry watched the whole window without seeing it.
 * Telemetry's never-observed list counts from whenever it started, so right after a start
 * every quiet relation would be "stale": the rule waits until telemetry has been available
 * without interruption (`since`) for at least the window.
 */
export function staleDeclarationGate(
  window: TelemetryWindow,
  since: number,
  now: number,
): StaleDeclarationGate {
  const { ms, label } = WINDOWS[window];
  const watched = now - since;
  if (watched >= ms) return { open: true, status: 'ok' };
  return {
    open: false,
    status: `waits until ${new Date(
      since + ms,
    ).toISOString()}: telemetry has watched ${formatSpan(
      watched,
    )} of its ${label} window`,
  };
}
