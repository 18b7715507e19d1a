import type { SloDefinition, SloTimeWindow } from '../openslo/types';
import { BURN_RATE_WINDOWS, BurnRateWindow, SloStatus } from '../slo';
import {
  ALERT_WINDOWS,
  ALERT_WINDOW_MS,
  AlertWindow,
  burnRateAlert,
} from './alert';
import {
  attainment,
  burnRate,
  errorBudgetRemaining,
  SliCounts,
} from './budget';
import { sloWindowRange, SloWindowRange } from './window';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** What to count to evaluate one SLO at one instant. */
export interface SloQueryPlan {
  now: Date;
  /** The SLO window: attainment and budget. */
  window: SloWindowRange;
  /** Each burn-rate window, ending now. */
  burnWindows: Record<AlertWindow, { from: Date; to: Date }>;
  /** The budget chart: counts per step from the window's start (hourly, daily past 7 days). */
  series: { from: Date; to: Date; stepMs: number };
}

/** The counts a plan asked for (total and bad requests each time). */
export interface SloMeasurements {
  window: SliCounts;
  burnWindows: Record<AlertWindow, SliCounts>;
  /** One entry per step `[at, at + stepMs)` from `series.from`, in order. */
  series: Array<{ at: Date; total: number; bad: number }>;
}

/** The window's full length: the rolling duration, or the calendar period's. */
function windowLengthMs(window: SloTimeWindow, range: SloWindowRange): number {
  return window.isRolling
    ? window.durationMs
    : range.periodEnd!.getTime() - range.from.getTime();
}

/** Plans the counts for an SLO at `now`. */
export function planSloQueries(
  definition: SloDefinition,
  now: Date,
): SloQueryPlan {
  const window = sloWindowRange(definition.window, now);
  const burnWindows = Object.fromEntries(
    ALERT_WINDOWS.map(w => [
      w,
      { from: new Date(now.getTime() - ALERT_WINDOW_MS[w]), to: now },
    ]),
  ) as SloQueryPlan['burnWindows'];
  const stepMs =
    windowLengthMs(definition.window, window) > 7 * DAY_MS ? DAY_MS : HOUR_MS;
  return {
    now,
    window,
    burnWindows,
    series: { from: window.from, to: now, stepMs },
  };
}

/**
 * The budget left at the end of each step: the budget of the window so far, from its start to
 * that point (the last point is the status' errorBudgetRemaining).
 */
function budgetSeries(
  plan: SloQueryPlan,
  series: SloMeasurements['series'],
  target: number,
): SloStatus['budgetSeries'] {
  const cumulative: SliCounts = { total: 0, bad: 0 };
  return series.map(point => {
    cumulative.total += point.total;
    cumulative.bad += point.bad;
    const end = Math.min(
      point.at.getTime() + plan.series.stepMs,
      plan.now.getTime(),
    );
    return {
      at: new Date(end).toISOString(),
      errorBudgetRemaining: errorBudgetRemaining(cumulative, target),
    };
  });
}

/** The status of one SLO objective from the counts its plan asked for. */
export function evaluateSlo(
  definition: SloDefinition,
  plan: SloQueryPlan,
  measurements: SloMeasurements,
  source: SloStatus['source'],
): SloStatus {
  const { target } = definition;
  const rates = Object.fromEntries(
    ALERT_WINDOWS.map(w => [w, burnRate(measurements.burnWindows[w], target)]),
  ) as Record<AlertWindow, number | null>;
  const { alert, reason } = burnRateAlert(rates);
  return {
    name: definition.name,
    ...(definition.displayName !== undefined && {
      displayName: definition.displayName,
    }),
    ...(definition.objective !== undefined && {
      objective: definition.objective,
    }),
    kind: definition.kind,
    target,
    window: {
      duration: definition.window.duration,
      isRolling: definition.window.isRolling,
      ...(!definition.window.isRolling && {
        start: plan.window.from.toISOString(),
      }),
    },
    attainment: attainment(measurements.window),
    errorBudgetRemaining: errorBudgetRemaining(measurements.window, target),
    burnRates: Object.fromEntries(
      BURN_RATE_WINDOWS.map(w => [w, rates[w]]),
    ) as Record<BurnRateWindow, number | null>,
    alert,
    alertReason: reason,
    budgetSeries: budgetSeries(plan, measurements.series, target),
    source,
  };
}
