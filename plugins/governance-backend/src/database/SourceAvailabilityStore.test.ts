import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { governanceDatabase } from './migrate';
import { SourceAvailabilityStore } from './SourceAvailabilityStore';

jest.setTimeout(60_000);

const T0 = Date.parse('2026-12-02T08:00:00Z');

describe('SourceAvailabilityStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'keeps the first start across replicas until the source is unavailable, on %s',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const db = await governanceDatabase(mockServices.database({ knex }));
      const one = new SourceAvailabilityStore(db);
      const two = new SourceAvailabilityStore(db);

      expect(await one.available('telemetry', T0)).toBe(T0);
      // Later evaluations, on any replica, keep the start (a 64-bit epoch ms, as a number).
      expect(await two.available('telemetry', T0 + 60_000)).toBe(T0);
      expect(await one.available('telemetry', T0 + 120_000)).toBe(T0);
      // Concurrent first records agree on one start.
      const both = await Promise.all([
        one.available('other', T0 + 5),
        two.available('other', T0 + 9),
      ]);
      expect(both[0]).toBe(both[1]);

      await two.unavailable('telemetry');
      expect(await one.available('telemetry', T0 + 180_000)).toBe(T0 + 180_000);
      expect(await one.available('other', T0 + 200_000)).toBe(both[0]);
    },
  );
});
