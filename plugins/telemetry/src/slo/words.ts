import {
  ALERT_WINDOWS,
  SloAlert,
  SloStatus,
  SloWindow,
} from '@internal/plugin-telemetry-common';
import { durationWords, formatMoment, formatRatio } from '../format';

/** What an alert state asks of the team, in words. */
export interface AlertWords {
  label: string;
  meaning: string;
}

export const ALERT_WORDS: Record<SloAlert, AlertWords> = {
  page: {
    label: 'Page',
    meaning:
      'The error budget is burning fast: at this pace it is gone within days. Someone should look now.',
  },
  ticket: {
    label: 'Ticket',
    meaning:
      'The error budget is burning slowly but steadily: it runs out before the window ends unless something changes. Fix it in working hours.',
  },
  none: {
    label: 'No alert',
    meaning: 'The error budget is burning at a pace the window can afford.',
  },
};

const SEVERITY: Record<SloAlert, number> = { page: 0, ticket: 1, none: 2 };

/** Objectives that need attention first (page, then ticket), otherwise in the file's order. */
export function bySeverity(items: readonly SloStatus[]): SloStatus[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort(
      (a, b) =>
        SEVERITY[a.item.alert] - SEVERITY[b.item.alert] || a.index - b.index,
    )
    .map(({ item }) => item);
}

/** "pipeline-service latency — p95 under 500 ms": the SLO and, when it has several, the objective. */
export function sloTitle(status: SloStatus): string {
  const name = status.displayName ?? status.name;
  return status.objective ? `${name} — ${status.objective}` : name;
}

/** The error budget left, in words: "42% left", "Exhausted: 220% of the budget spent". */
export function budgetWords(remaining: number | null): string {
  if (remaining === null) return 'No traffic in the window: nothing spent';
  if (remaining > 0) return `${formatRatio(remaining)} left`;
  if (remaining === 0) return 'Exhausted: all of the budget spent';
  return `Exhausted: ${formatRatio(1 - remaining)} of the budget spent`;
}

/** Whether the budget is gone (or overspent). */
export function isExhausted(remaining: number | null): boolean {
  return remaining !== null && remaining <= 0;
}

/** "28 days, rolling", "1 month, calendar, since 1 Nov 00:00". */
export function windowDescription(window: SloWindow, now = new Date()): string {
  const length = durationWords(window.duration);
  if (window.isRolling) return `${length}, rolling`;
  return window.start
    ? `${length}, calendar, since ${formatMoment(window.start, now)}`
    : `${length}, calendar`;
}

/** The attainment against its target, in words. */
export function attainmentWords(status: SloStatus): string {
  if (status.attainment === null) return 'No traffic in the window';
  const meets = status.attainment >= status.target;
  return `${formatRatio(status.attainment)} (${
    meets ? 'meets' : 'below'
  } the ${formatRatio(status.target)} target)`;
}

/**
 * The burn-rate windows an SLO reports, shortest first: the contract's six and any other the
 * backend adds (the slow-burn ticket's 2 h), unknown ones last.
 */
export function burnWindowsOf(
  burnRates: Record<string, number | null>,
): string[] {
  const order = ALERT_WINDOWS as readonly string[];
  const rank = (w: string) =>
    order.includes(w) ? order.indexOf(w) : order.length;
  return Object.keys(burnRates).sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );
}
