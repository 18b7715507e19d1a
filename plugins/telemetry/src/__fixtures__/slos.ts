import { SloStatus, SloStatusList } from '@internal/plugin-telemetry-common';

const HOUR = 3_600_000;

/** Hourly budget points ending at `end`, from `from` to `to` linearly. */
export function budgetSeries(
  from: number,
  to: number,
  hours: number,
  end = Date.parse('2026-11-22T09:00:00Z'),
): SloStatus['budgetSeries'] {
  return Array.from({ length: hours }, (_, i) => ({
    at: new Date(end - (hours - 1 - i) * HOUR).toISOString(),
    errorBudgetRemaining: from + ((to - from) * i) / Math.max(1, hours - 1),
  }));
}

export function sloStatus(overrides: Partial<SloStatus> = {}): SloStatus {
  return {
    name: 'pipeline-service-availability',
    displayName: 'pipeline-service availability',
    objective: 'non-5xx requests',
    kind: 'availability',
    target: 0.999,
    window: { duration: '28d', isRolling: true },
    attainment: 0.9996,
    errorBudgetRemaining: 0.6,
    burnRates: {
      '5m': 0.2,
      '30m': 0.3,
      '1h': 0.4,
      '6h': 0.4,
      '1d': 0.4,
      '3d': 0.4,
    },
    alert: 'none',
    alertReason:
      'no window pair burns fast enough; closest: 1d/2h at 0.4/0.4 (ticket at 3)',
    budgetSeries: budgetSeries(1, 0.6, 24),
    source: 'embedded',
    ...overrides,
  };
}

/** pipeline-service's latency objective, breaching: paging, budget overspent. */
export const breachingLatency = sloStatus({
  name: 'pipeline-service-latency',
  displayName: 'pipeline-service latency',
  objective: 'p99 under 500 ms',
  kind: 'latency',
  target: 0.99,
  attainment: 0.75,
  errorBudgetRemaining: -24,
  burnRates: {
    '5m': 25,
    '30m': 25,
    '1h': 25,
    '6h': 25,
    '1d': 25,
    '3d': 25,
  },
  alert: 'page',
  alertReason:
    'page: burn rate 25 over 1h and 25 over 5m, both at least 14.4 (2% of a 30-day budget in 1 hour); burn rate 25 over 6h and 25 over 30m, both at least 6 (5% of a 30-day budget in 6 hours)',
  budgetSeries: budgetSeries(1, -24, 6),
});

export const healthyAvailability = sloStatus();

export const noTraffic = sloStatus({
  name: 'search-availability',
  displayName: 'search availability',
  objective: undefined,
  attainment: null,
  errorBudgetRemaining: null,
  burnRates: {
    '5m': null,
    '30m': null,
    '1h': null,
    '6h': null,
    '1d': null,
    '3d': null,
  },
  alert: 'none',
  alertReason: 'no requests in the last 3 days',
  budgetSeries: budgetSeries(1, 1, 3).map(p => ({
    ...p,
    errorBudgetRemaining: null,
  })),
});

export function sloList(
  items: SloStatus[],
  overrides: Partial<SloStatusList> = {},
): SloStatusList {
  return {
    entityRef: 'component:default/pipeline-service',
    file: '/srv/examples/dataflow/services/pipeline-service/slo.yaml',
    items,
    problems: [],
    ...overrides,
  };
}
