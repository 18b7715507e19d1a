import { RedReport } from '@internal/plugin-telemetry-common';

const TO = Date.parse('2026-11-22T09:00:00.000Z');
const MINUTE = 60_000;

/** pipeline-service over the last 15 minutes: 240 requests a minute, an error burst at the end. */
export function redReport(overrides: Partial<RedReport> = {}): RedReport {
  const series = Array.from({ length: 15 }, (_, i) => {
    const errors = i >= 12 ? 24 : 1;
    return {
      at: new Date(TO - (15 - i) * MINUTE).toISOString(),
      requests: 240,
      errors,
      errorRate: errors / 240,
      latencyMs: { p50: 120, p95: i >= 12 ? 900 : 310, p99: 1400 },
    };
  });
  return {
    serviceName: 'pipeline-service',
    entityRef: 'component:default/pipeline-service',
    window: '15m',
    from: new Date(TO - 15 * MINUTE).toISOString(),
    to: new Date(TO).toISOString(),
    requests: 3600,
    errors: 84,
    errorRate: 84 / 3600,
    latencyMs: { p50: 120, p95: 480, p99: 1400 },
    operations: [
      {
        operation: 'POST /v1/pipelines/{id}/runs',
        requests: 2520,
        errors: 80,
        errorRate: 80 / 2520,
        latencyMs: { p50: 180, p95: 620, p99: 1500 },
      },
      {
        operation: 'GET /v1/pipelines/{id}',
        requests: 1080,
        errors: 4,
        errorRate: 4 / 1080,
        latencyMs: { p50: 12, p95: 40, p99: 95 },
      },
    ],
    series,
    source: 'embedded',
    ...overrides,
  };
}

export const noRequests = (window: RedReport['window'] = '1h'): RedReport =>
  redReport({
    window,
    requests: 0,
    errors: 0,
    errorRate: null,
    latencyMs: { p50: null, p95: null, p99: null },
    operations: [],
    series: [],
  });
