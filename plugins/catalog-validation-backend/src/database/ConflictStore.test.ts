import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { DatabaseConflictStore } from './ConflictStore';

jest.setTimeout(60_000);

const at = (iso: string) => new Date(iso);

const billingCopy = {
  entityRef: 'component:default/billing',
  keptLocation: 'file:/repo/billing/catalog-info.yaml',
  ignoredLocation: 'file:/repo/copy/catalog-info.yaml',
};

describe('DatabaseConflictStore', () => {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
  });

  async function createStore(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    await DatabaseConflictStore.migrate(knex);
    return DatabaseConflictStore.create({
      database: { getClient: async () => knex, migrations: { skip: true } },
    });
  }

  it.each(databases.eachSupportedId())(
    'keeps one row per ignored copy and moves its last-seen time on %s',
    async databaseId => {
      const store = await createStore(databaseId);
      await store.record({
        ...billingCopy,
        seenAt: at('2026-11-22T10:00:00Z'),
      });
      await store.record({
        ...billingCopy,
        seenAt: at('2026-11-22T10:02:00Z'),
      });

      expect(
        await store.list({ seenSince: at('2026-11-22T09:00:00Z') }),
      ).toEqual([
        {
          ...billingCopy,
          firstSeenAt: '2026-11-22T10:00:00.000Z',
          lastSeenAt: '2026-11-22T10:02:00.000Z',
        },
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'lists by entity (any case) and only what was seen recently, newest first, on %s',
    async databaseId => {
      const store = await createStore(databaseId);
      await store.record({
        ...billingCopy,
        seenAt: at('2026-11-22T10:00:00Z'),
      });
      await store.record({
        ...billingCopy,
        ignoredLocation: 'file:/repo/third/catalog-info.yaml',
        seenAt: at('2026-11-22T10:05:00Z'),
      });
      await store.record({
        entityRef: 'component:default/audit',
        keptLocation: 'file:/a.yaml',
        ignoredLocation: 'file:/b.yaml',
        seenAt: at('2026-11-22T10:05:00Z'),
      });

      const billing = await store.list({
        entityRef: 'Component:default/Billing',
        seenSince: at('2026-11-22T09:00:00Z'),
      });
      expect(billing.map(c => c.ignoredLocation)).toEqual([
        'file:/repo/third/catalog-info.yaml',
        'file:/repo/copy/catalog-info.yaml',
      ]);

      const recent = await store.list({
        seenSince: at('2026-11-22T10:01:00Z'),
      });
      expect(recent.map(c => c.entityRef).sort()).toEqual([
        'component:default/audit',
        'component:default/billing',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'forgets conflicts the catalog stopped reporting on %s',
    async databaseId => {
      const store = await createStore(databaseId);
      await store.record({
        ...billingCopy,
        seenAt: at('2026-11-22T10:00:00Z'),
      });
      await store.record({
        entityRef: 'component:default/audit',
        keptLocation: 'file:/a.yaml',
        ignoredLocation: 'file:/b.yaml',
        seenAt: at('2026-11-22T11:00:00Z'),
      });

      expect(await store.prune(at('2026-11-22T10:30:00Z'))).toBe(1);
      const left = await store.list({ seenSince: at('2026-11-22T00:00:00Z') });
      expect(left.map(c => c.entityRef)).toEqual(['component:default/audit']);
    },
  );
});
