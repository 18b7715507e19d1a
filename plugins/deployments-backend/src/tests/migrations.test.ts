import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';

jest.setTimeout(60_000);

const directory = resolvePackagePath(
  '@internal/plugin-deployments-backend',
  'migrations',
);

describe('migrations', () => {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
  });

  it.each(databases.eachSupportedId())(
    'go up, keep rows on a repeated up, and come down on %s',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory });
      // Epoch milliseconds past 2^31: the time columns must be 64-bit.
      const startedAt = Date.parse('2026-11-30T10:00:00Z');
      await knex('deployments_rollouts').insert({
        id: 'ci-4711',
        entity_ref: 'component:default/billing',
        environment: 'production',
        started_at: startedAt,
        sources: 'api',
        updated_at: startedAt,
      });
      await knex('deployments_incidents').insert({
        id: 'inc-17',
        entity_ref: 'component:default/billing',
        environment: 'production',
        started_at: startedAt,
        updated_at: startedAt,
      });
      await knex.migrate.latest({ directory });
      const [rollout] = await knex('deployments_rollouts').select(
        'id',
        'started_at',
      );
      expect({ ...rollout, started_at: Number(rollout.started_at) }).toEqual({
        id: 'ci-4711',
        started_at: startedAt,
      });
      expect(await knex('deployments_incidents').pluck('id')).toEqual([
        'inc-17',
      ]);

      await knex.migrate.rollback({ directory }, true);
      expect(await knex.schema.hasTable('deployments_rollouts')).toBe(false);
      expect(await knex.schema.hasTable('deployments_incidents')).toBe(false);
    },
  );
});
