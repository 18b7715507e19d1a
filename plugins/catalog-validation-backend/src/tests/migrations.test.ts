import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';

jest.setTimeout(60_000);

const directory = resolvePackagePath(
  '@internal/plugin-catalog-validation-backend',
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
      await knex('catalog_entity_conflicts').insert({
        id: 'c1',
        entity_ref: 'component:default/billing',
        kept_location: 'file:/repo/billing/catalog-info.yaml',
        ignored_location: 'file:/repo/copy/catalog-info.yaml',
        first_seen_at: new Date('2026-11-22T10:00:00Z'),
        last_seen_at: new Date('2026-11-22T10:00:00Z'),
      });
      await knex.migrate.latest({ directory });
      expect(
        await knex('catalog_entity_conflicts').select('id', 'entity_ref'),
      ).toEqual([{ id: 'c1', entity_ref: 'component:default/billing' }]);

      await knex.migrate.rollback({ directory }, true);
      expect(await knex.schema.hasTable('catalog_entity_conflicts')).toBe(
        false,
      );
    },
  );
});
