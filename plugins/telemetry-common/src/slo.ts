/**
 * SLO status from OpenSLO v1 documents (`strata.dev/slo-file`):
 * `GET /api/telemetry/v1/slos?entityRef=…`.
 */

/** The burn-rate windows of Google's SRE workbook multi-window, multi-burn-rate alerts. */
export const BURN_RATE_WINDOWS = ['5m', '30m', '1h', '6h', '1d', '3d'] as const;
export type BurnRateWindow = (typeof BURN_RATE_WINDOWS)[number];

/**
 * The multi-window, multi-burn-rate alert of Google's SRE workbook (ch. 5): `page` when the
 * burn rate is at least 14.4 over 1h and 5m, or 6 over 6h and 30m; `ticket` when it is at least
 * 3 over 1d and 2h, or 1 over 3d and 6h; `none` otherwise.
 */
export type SloAlert = 'none' | 'ticket' | 'page';

export interface SloWindow {
  /** e.g. `28d` rolling, or `1M` calendar starting at `calendarStart`. */
  duration: string;
  isRolling: boolean;
  /** For calendar windows: the current window's start (ISO 8601). */
  start?: string;
}

export interface SloStatus {
  /** `metadata.name` of the SLO document. */
  name: string;
  displayName?: string;
  /** The objective's display name, when an SLO has several objectives: one status each. */
  objective?: string;
  kind: 'availability' | 'latency' | 'ratio' | 'threshold';
  /** e.g. 0.999. */
  target: number;
  window: SloWindow;
  /** good ÷ total over the window; null without traffic. */
  attainment: number | null;
  /** 1 − (bad ÷ allowed bad): 1 = untouched, 0 = spent, negative = overspent; null without traffic. */
  errorBudgetRemaining: number | null;
  burnRates: Record<BurnRateWindow, number | null>;
  alert: SloAlert;
  /** Why the alert state is what it is, in words (which windows crossed which threshold). */
  alertReason?: string;
  /** Budget remaining over time, for the chart (one point per hour, or per day past 7 days). */
  budgetSeries: Array<{ at: string; errorBudgetRemaining: number | null }>;
  source: 'embedded' | 'prometheus';
}

/** A problem in an SLO file, located like catalog-file problems. */
export interface SloFileProblem {
  file: string;
  line: number;
  column: number;
  message: string;
  /** e.g. `openslo/unknown-indicator`, `openslo/invalid-target`. */
  rule: string;
}

export interface SloStatusList {
  entityRef: string;
  /** Where the SLOs were read from (resolved `strata.dev/slo-file`). */
  file?: string;
  items: SloStatus[];
  /** Problems that kept some SLO from being evaluated; the valid ones are still listed. */
  problems: SloFileProblem[];
}
