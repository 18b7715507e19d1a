import { describeMigrations } from '@internal/backend-test-kit';

jest.setTimeout(60_000);

const bucketColumns = Object.fromEntries(
  Array.from({ length: 52 }, (_, i) => [`b${String(i).padStart(2, '0')}`, i === 7 ? 3 : 0]),
);
// Epoch milliseconds past 2^31: the time columns must be 64-bit.
const minute = Date.parse('2026-12-01T10:00:00Z');

describeMigrations('@internal/plugin-telemetry-backend', [
  {
    table: 'telemetry_red_minutes',
    row: {
      service_name: 'orders',
      operation: 'GET /orders/{id}',
      bucket: minute,
      requests: 3,
      errors: 1,
      duration_sum_ms: 12.5,
      ...bucketColumns,
    },
    columns: ['service_name', 'b07'],
  },
  {
    table: 'telemetry_seen_spans',
    row: { span_key: `${'a'.repeat(32)}${'b'.repeat(16)}`, seen_at: minute },
    columns: ['span_key'],
  },
  {
    table: 'telemetry_trace_samples',
    row: {
      service_name: 'orders',
      reason: 'slow',
      trace_id: 'a'.repeat(32),
      duration_ms: 812.5,
      start_ms: minute,
      root_name: 'GET /orders',
      sampled_at: minute,
    },
    columns: ['trace_id', 'reason'],
  },
]);
