import { describeMigrations } from '@internal/backend-test-kit';

jest.setTimeout(60_000);

const T = Date.parse('2026-12-02T08:00:00Z');

describeMigrations('@internal/plugin-governance-backend', [
  {
    table: 'governance_evaluations',
    row: {
      id: 1,
      // Epoch milliseconds past 2^31: the time columns must be 64-bit.
      started_at: T,
      finished_at: T + 1000,
      trigger: 'schedule',
      catalog_fingerprint: 'abc',
      sources: '{"catalog":"ok","telemetry":"ok","deployments":"ok"}',
      findings: '[]',
      check_results: '[]',
      entities: '[]',
    },
    columns: ['id', 'trigger'],
  },
  {
    table: 'governance_history',
    row: {
      day: '2026-12-02',
      dimension: 'rule',
      name: 'shared-database',
      count: 1,
    },
    columns: ['day', 'count'],
  },
  {
    table: 'governance_waivers',
    row: {
      id: '8a4f2c1e-0000-4000-8000-000000000001',
      finding_key: 'shared-database:resource:default/legacy-db',
      reason: 'Split planned for Q1',
      approver: 'user:default/ana-garcia',
      created_at: T,
      expires_at: T + 86_400_000,
    },
    columns: ['id', 'finding_key'],
  },
  {
    table: 'governance_source_availability',
    row: { source: 'telemetry', available_since: T },
    // available_since is a bigint, which PostgreSQL returns as a string: compare the key.
    columns: ['source'],
  },
]);
