import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';

jest.setTimeout(60_000);

const directory = resolvePackagePath(
  '@internal/plugin-catalog-edits-backend',
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
      await knex('catalog_edit_proposals').insert({
        id: 'p1',
        entity_ref: 'component:default/pipeline-service',
        edit: JSON.stringify({ type: 'setOwner', owner: 'group:default/x' }),
        requested_by: 'user:default/jane',
        pull_request_url: 'https://github.com/o/r/pull/1',
        branch: 'strata/setOwner-pipeline-service-abcdef',
        created_at: new Date('2026-11-22T10:00:00Z'),
      });
      await knex.migrate.latest({ directory });
      expect(
        await knex('catalog_edit_proposals').select('id', 'entity_ref'),
      ).toEqual([
        { id: 'p1', entity_ref: 'component:default/pipeline-service' },
      ]);

      await knex.migrate.rollback({ directory }, true);
      expect(await knex.schema.hasTable('catalog_edit_proposals')).toBe(false);
    },
  );
});
