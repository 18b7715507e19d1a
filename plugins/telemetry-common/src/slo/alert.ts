import type { SloAlert } from '../slo';

/**
 * Every window a burn rate is computed over: the six the status reports (`BURN_RATE_WINDOWS`)
 * and `2h`, which only the slow-burn ticket uses.
 */
export const ALERT_WINDOWS = [
  '5m',
  '30m',
  '1h',
  '2h',
  '6h',
  '1d',
  '3d',
] as const;
export type AlertWindow = (typeof ALERT_WINDOWS)[number];

/** The length of each window. */
export const ALERT_WINDOW_MS: Record<AlertWindow, number> = {
  '5m': 5 * 60_000,
  '30m': 30 * 60_000,
  '1h': 3_600_000,
  '2h': 2 * 3_600_000,
  '6h': 6 * 3_600_000,
  '1d': 86_400_000,
  '3d': 3 * 86_400_000,
};

/** One row of the multi-window, multi-burn-rate table. */
export interface BurnRateAlertRule {
  alert: Exclude<SloAlert, 'none'>;
  longWindow: AlertWindow;
  shortWindow: AlertWindow;
  /** Both windows must burn at least this fast. */
  burnRate: number;
  /** What the long window's threshold means for a 30-day budget. */
  budgetConsumed: string;
}

/**
 * Google's SRE workbook, chapter 5 "Alerting on SLOs", table 5-8 (recommended parameters for a
 * 99.9% SLO over 30 days): page at 2% of the budget in 1 h or 5% in 6 h, ticket at 10% in
 * 3 days; the workbook's own slow-burn example pairs 1 d with 2 h at burn rate 3 and 3 d with
 * 6 h at burn rate 1. The short window (1/12 of the long one) makes the alert stop soon after
 * the burning does. Strata uses the rates unchanged for every window length, as the workbook's
 * table does.
 */
export const BURN_RATE_ALERT_RULES: readonly BurnRateAlertRule[] = [
  {
    alert: 'page',
    longWindow: '1h',
    shortWindow: '5m',
    burnRate: 14.4,
    budgetConsumed: '2% of a 30-day budget in 1 hour',
  },
  {
    alert: 'page',
    longWindow: '6h',
    shortWindow: '30m',
    burnRate: 6,
    budgetConsumed: '5% of a 30-day budget in 6 hours',
  },
  {
    alert: 'ticket',
    longWindow: '1d',
    shortWindow: '2h',
    burnRate: 3,
    budgetConsumed: '10% of a 30-day budget in 1 day',
  },
  {
    alert: 'ticket',
    longWindow: '3d',
    shortWindow: '6h',
    burnRate: 1,
    budgetConsumed: '10% of a 30-day budget in 3 days',
  },
];

/** Burn rates with two decimals at most (14.4, 6, 0.25), for the reason text. */
function rate(value: number): string {
  return String(Number(value.toFixed(2)));
}

/**
 * The alert state from the burn rates: `page` when both windows of a page row burn at least at
 * its rate, else `ticket` for a ticket row, else `none` (a window without requests burns
 * nothing). The reason says which windows crossed which rate.
 */
export function burnRateAlert(rates: Record<AlertWindow, number | null>): {
  alert: SloAlert;
  reason: string;
} {
  for (const severity of ['page', 'ticket'] as const) {
    const firing = BURN_RATE_ALERT_RULES.filter(
      rule =>
        rule.alert === severity &&
        (rates[rule.longWindow] ?? 0) >= rule.burnRate &&
        (rates[rule.shortWindow] ?? 0) >= rule.burnRate,
    );
    if (firing.length > 0) {
      const reason = firing
        .map(
          rule =>
            `burn rate ${rate(rates[rule.longWindow]!)} over ${
              rule.longWindow
            } and ${rate(rates[rule.shortWindow]!)} over ${
              rule.shortWindow
            }, both at least ${rule.burnRate} (${rule.budgetConsumed})`,
        )
        .join('; ');
      return { alert: severity, reason: `${severity}: ${reason}` };
    }
  }
  if (ALERT_WINDOWS.every(w => rates[w] === null)) {
    return { alert: 'none', reason: 'no requests in the last 3 days' };
  }
  const highest = BURN_RATE_ALERT_RULES.map(rule => ({
    rule,
    share:
      Math.min(rates[rule.longWindow] ?? 0, rates[rule.shortWindow] ?? 0) /
      rule.burnRate,
  })).sort((a, b) => b.share - a.share)[0];
  const { rule } = highest;
  return {
    alert: 'none',
    reason: `no window pair burns fast enough; closest: ${rule.longWindow}/${
      rule.shortWindow
    } at ${rate(rates[rule.longWindow] ?? 0)}/${rate(
      rates[rule.shortWindow] ?? 0,
    )} (${rule.alert} at ${rule.burnRate})`,
  };
}
