import { TestDatabases } from '@backstage/backend-test-utils';
import { mockServices } from '@backstage/backend-test-utils';
import { governanceDatabase } from './migrate';
import { WaiverStore } from './WaiverStore';

jest.setTimeout(60_000);

const DAY = 86_400_000;
const T0 = Date.parse('2026-12-02T08:00:00Z');

describe('WaiverStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'creates, lists in force, lets expired ones lapse, and deletes on %s',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const db = await governanceDatabase(mockServices.database({ knex }));
      let now = T0;
      const store = new WaiverStore(db, () => now);

      const finding = await store.create({
        findingKey: 'shared-database:resource:default/legacy-db',
        reason: 'Split planned for Q1',
        approver: 'user:default/ana-garcia',
        expiresAt: T0 + 2 * DAY,
      });
      now += 1000;
      const check = await store.create({
        checkId: 'has-slo',
        entityRef: 'component:default/admin',
        reason: 'Retired in January',
        approver: 'user:default/ana-garcia',
        expiresAt: T0 + 10 * DAY,
      });
      expect(finding).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        findingKey: 'shared-database:resource:default/legacy-db',
        reason: 'Split planned for Q1',
        approver: 'user:default/ana-garcia',
        createdAt: T0,
        expiresAt: T0 + 2 * DAY,
      });
      expect(await store.get(check.id)).toEqual(check);
      expect((await store.list()).map(w => w.id)).toEqual([
        check.id,
        finding.id,
      ]);

      // At its expiry instant a waiver is no longer in force; it stays stored.
      now = T0 + 2 * DAY;
      expect((await store.list()).map(w => w.id)).toEqual([check.id]);
      expect(
        (await store.list({ includeExpired: true })).map(w => w.id),
      ).toEqual([check.id, finding.id]);

      expect(await store.delete(check.id)).toEqual(check);
      expect(await store.delete(check.id)).toBeUndefined();
      expect(await store.list()).toEqual([]);
    },
  );
});
