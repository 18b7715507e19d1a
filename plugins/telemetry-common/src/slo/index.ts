/**
 * SLO math (pure): attainment, error budget, burn rates, the multi-window multi-burn-rate
 * alert, and calendar-aligned windows.
 */
export {
  allowedBadShare,
  attainment,
  burnRate,
  errorBudgetRemaining,
  type SliCounts,
} from './budget';
export {
  ALERT_WINDOWS,
  ALERT_WINDOW_MS,
  BURN_RATE_ALERT_RULES,
  burnRateAlert,
  type AlertWindow,
  type BurnRateAlertRule,
} from './alert';
export { calendarPeriod, sloWindowRange, type SloWindowRange } from './window';
export {
  evaluateSlo,
  planSloQueries,
  type SloMeasurements,
  type SloQueryPlan,
} from './evaluate';
export {
  instantOf,
  isValidTimeZone,
  wallClockAt,
  type WallClock,
} from './zonedTime';
