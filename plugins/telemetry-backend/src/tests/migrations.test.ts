import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';
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
    table: 'telemetry_pending_pairs',
    row: {
      pair_key: `${'a'.repeat(32)}${'c'.repeat(16)}`,
      client_service: 'etl-workers',
      kind: 'messaging',
      client_error: false,
      at_ms: minute,
      created_at: minute,
    },
    columns: ['pair_key', 'client_service'],
  },
  {
    table: 'telemetry_pending_receivers',
    row: {
      pair_key: `${'a'.repeat(32)}${'c'.repeat(16)}`,
      receiver_key: `${'a'.repeat(32)}${'d'.repeat(16)}`,
      server_service: 'billing',
      kind: 'messaging',
      server_error: false,
      at_ms: minute,
      created_at: minute,
    },
    columns: ['pair_key', 'receiver_key', 'server_service'],
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

/** 20261211_pending_receivers: callee halves waiting in the old one-slot table are kept. */
describe('telemetry pending-pair migration', () => {
  const directory = resolvePackagePath('@internal/plugin-telemetry-backend', 'migrations');
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
  const key = (c: string) => `${'a'.repeat(32)}${c.repeat(16)}`;

  it.each(databases.eachSupportedId())(
    'moves waiting callee halves to their own table and back on %s',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.up({ directory, name: '20261210_init.js' });
      const old = (pairKey: string, client?: string, server?: string) => ({
        pair_key: pairKey,
        client_service: client ?? null,
        server_service: server ?? null,
        kind: 'http',
        client_error: client ? false : null,
        server_error: server ? true : null,
        at_ms: minute,
        created_at: minute,
      });
      await knex('telemetry_pending_pairs').insert([
        old(key('1'), 'gateway'),
        old(key('2'), undefined, 'orders'),
      ]);

      await knex.migrate.latest({ directory });
      const pairs = await knex('telemetry_pending_pairs').orderBy('pair_key').select();
      expect(pairs.map(p => [p.pair_key, p.client_service])).toEqual([
        [key('1'), 'gateway'],
        [key('2'), null],
      ]);
      expect(pairs[0]).not.toHaveProperty('server_service');
      const receivers = await knex('telemetry_pending_receivers').select();
      expect(
        receivers.map(r => [r.pair_key, r.receiver_key, r.server_service, Boolean(r.server_error), Number(r.at_ms)]),
      ).toEqual([[key('2'), key('2'), 'orders', true, minute]]);

      // A second consumer of the same pair, which only the new model can hold; going down keeps
      // one callee per pair, and the rows only callees made.
      await knex('telemetry_pending_receivers').insert({
        ...receivers[0],
        receiver_key: key('3'),
        server_service: 'billing',
        at_ms: minute + 1,
      });
      await knex('telemetry_pending_receivers').insert({
        ...receivers[0],
        pair_key: key('4'),
        receiver_key: key('5'),
        server_service: 'audit',
      });
      await knex.migrate.down({ directory });
      expect(await knex.schema.hasTable('telemetry_pending_receivers')).toBe(false);
      const back = await knex('telemetry_pending_pairs')
        .orderBy('pair_key')
        .select('pair_key', 'client_service', 'server_service');
      expect(back).toEqual([
        { pair_key: key('1'), client_service: 'gateway', server_service: null },
        { pair_key: key('2'), client_service: null, server_service: 'orders' },
        { pair_key: key('4'), client_service: null, server_service: 'audit' },
      ]);
    },
  );
});
