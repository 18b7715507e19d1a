import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseProposalStore } from './ProposalStore';

jest.setTimeout(60_000);

describe('DatabaseProposalStore', () => {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
  });

  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    async function createStore() {
      const knex = await databases.init(databaseId);
      const store = await DatabaseProposalStore.create({
        database: mockServices.database({ knex }),
      });
      return { knex, store };
    }

    it('records proposals and lists them newest first, per entity', async () => {
      const { store } = await createStore();
      const first = await store.add({
        entityRef: 'Component:default/pipeline-service',
        edit: { type: 'setOwner', owner: 'group:default/platform' },
        requestedBy: 'user:default/jane',
        pullRequestUrl: 'https://github.com/dataflow/pipeline-service/pull/1',
        branch: 'strata/setOwner-pipeline-service-a1b2c3',
        createdAt: new Date('2026-11-22T10:00:00Z'),
      });
      await store.add({
        entityRef: 'component:default/pipeline-service',
        edit: { type: 'addDatabase', resourceRef: 'resource:default/cache' },
        requestedBy: 'user:default/joe',
        pullRequestUrl: 'https://github.com/dataflow/pipeline-service/pull/2',
        branch: 'strata/addDatabase-pipeline-service-d4e5f6',
        createdAt: new Date('2026-11-22T11:00:00Z'),
      });
      await store.add({
        entityRef: 'component:default/connector-service',
        edit: { type: 'addConsumes', topicRef: 'resource:default/t' },
        requestedBy: 'user:default/jane',
        pullRequestUrl: 'https://github.com/dataflow/connector-service/pull/7',
        branch: 'strata/addConsumes-connector-service-000000',
        createdAt: new Date('2026-11-22T09:00:00Z'),
      });

      expect(first).toEqual({
        id: expect.any(String),
        entityRef: 'component:default/pipeline-service',
        edit: { type: 'setOwner', owner: 'group:default/platform' },
        requestedBy: 'user:default/jane',
        pullRequestUrl: 'https://github.com/dataflow/pipeline-service/pull/1',
        branch: 'strata/setOwner-pipeline-service-a1b2c3',
        createdAt: '2026-11-22T10:00:00.000Z',
      });
      const forService = await store.list({
        entityRef: 'component:default/Pipeline-Service',
      });
      expect(forService.map(p => p.pullRequestUrl)).toEqual([
        'https://github.com/dataflow/pipeline-service/pull/2',
        'https://github.com/dataflow/pipeline-service/pull/1',
      ]);
      expect(forService[1]).toEqual(first);
      expect((await store.list()).map(p => p.createdAt)).toEqual([
        '2026-11-22T11:00:00.000Z',
        '2026-11-22T10:00:00.000Z',
        '2026-11-22T09:00:00.000Z',
      ]);
    });

    it('skips migrations when told to', async () => {
      const knex = await databases.init(databaseId);
      await DatabaseProposalStore.create({
        database: mockServices.database({ knex, migrations: { skip: true } }),
      });
      expect(await knex.schema.hasTable('catalog_edit_proposals')).toBe(false);
    });
  });
});
