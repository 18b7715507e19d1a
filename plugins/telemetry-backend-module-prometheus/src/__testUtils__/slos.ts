import { SloDefinition } from '@internal/plugin-telemetry-common';

const DAY_MS = 86_400_000;

function slo(partial: Omit<SloDefinition, 'line' | 'column'>): SloDefinition {
  return { ...partial, line: 1, column: 1 };
}

/** SLOs over the traffic dataset: healthy ones, one burning slowly (latency), one paging. */
export const TRAFFIC_SLOS: SloDefinition[] = [
  slo({
    name: 'checkout-availability',
    kind: 'availability',
    target: 0.99,
    window: { isRolling: true, duration: '28d', durationMs: 28 * DAY_MS },
    indicator: { kind: 'availability', bad: 'errors', serviceName: 'checkout' },
  }),
  slo({
    name: 'checkout-orders-latency',
    kind: 'latency',
    target: 0.99,
    window: { isRolling: true, duration: '1d', durationMs: DAY_MS },
    indicator: {
      kind: 'latency',
      bad: 'slowerThan',
      thresholdMs: 500,
      serviceName: 'checkout',
      operation: 'POST /orders',
    },
  }),
  slo({
    name: 'billing-latency',
    kind: 'latency',
    target: 0.95,
    window: { isRolling: true, duration: '7d', durationMs: 7 * DAY_MS },
    indicator: {
      kind: 'latency',
      bad: 'slowerThan',
      thresholdMs: 250,
      serviceName: 'billing',
    },
  }),
  slo({
    name: 'search-availability',
    kind: 'availability',
    target: 0.99,
    window: { isRolling: true, duration: '28d', durationMs: 28 * DAY_MS },
    indicator: { kind: 'availability', bad: 'errors', serviceName: 'search' },
  }),
  slo({
    name: 'notifications-availability',
    kind: 'availability',
    target: 0.9,
    window: { isRolling: true, duration: '28d', durationMs: 28 * DAY_MS },
    indicator: {
      kind: 'availability',
      bad: 'errors',
      serviceName: 'notifications',
    },
  }),
];
