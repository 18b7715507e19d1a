import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { HistoryReport, RolloutReport } from '../history/records';
import { DatabaseHistoryStore } from './HistoryStore';

jest.setTimeout(60_000);

const T0 = Date.parse('2026-11-30T10:00:00Z');
const MINUTE = 60_000;

function cd(overrides: Partial<RolloutReport> = {}): HistoryReport {
  return {
    kind: 'deployment',
    rollout: {
      id: 'ci-4711',
      entityRef: 'component:default/billing',
      environment: 'production',
      version: '1.4.2',
      commitSha: 'abc123',
      commitTime: T0 - 60 * MINUTE,
      startedAt: T0,
      source: 'api',
      ...overrides,
    },
  };
}

function watch(overrides: Partial<RolloutReport> = {}): HistoryReport {
  return {
    kind: 'deployment',
    rollout: {
      id: 'ci-4711',
      entityRef: 'component:default/billing',
      environment: 'production',
      version: '1.4.2',
      startedAt: T0 + MINUTE,
      kubernetes: {
        cluster: 'prod-eu',
        namespace: 'billing',
        workload: 'billing',
        revision: '7',
        image: 'registry/billing:1.4.2',
      },
      source: 'kubernetes',
      ...overrides,
    },
  };
}

describe('DatabaseHistoryStore', () => {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
  });

  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    const extraClients: Knex[] = [];
    afterAll(async () => {
      await Promise.all(extraClients.map(client => client.destroy()));
    });

    /**
     * `count` stores on one database, as replicas are. On PostgreSQL each has its own client
     * (own connection pool), as separate processes would; SQLite's in-memory test database
     * exists only inside its one client.
     */
    async function createStores(count = 1) {
      const knex = await databases.init(databaseId);
      const stores: DatabaseHistoryStore[] = [];
      for (let i = 0; i < count; i++) {
        let client = knex;
        if (i > 0 && databaseId === 'POSTGRES_15') {
          client = knexFactory(knex.client.config);
          extraClients.push(client);
        }
        stores.push(
          await DatabaseHistoryStore.create({
            database: mockServices.database({ knex: client }),
          }),
        );
      }
      return { knex, stores };
    }

    it('merges the CD event and the watch into one rollout, later facts filling in', async () => {
      const {
        stores: [store],
      } = await createStores();

      expect(await store.record([cd()])).toEqual(['created']);
      // The watch sees the start a minute later: same id, so the same rollout.
      expect(await store.record([watch()])).toEqual(['updated']);
      // The watch sees it end.
      expect(
        await store.record([
          watch({ finishedAt: T0 + 5 * MINUTE, outcome: 'succeeded' }),
        ]),
      ).toEqual(['updated']);
      // A replayed start (watch restart) must not reopen it.
      expect(await store.record([watch()])).toEqual(['unchanged']);

      const [rollout, ...others] = await store.listRollouts({
        entityRef: 'component:default/billing',
        limit: 10,
      });
      expect(others).toEqual([]);
      expect(rollout).toEqual({
        id: 'ci-4711',
        entityRef: 'component:default/billing',
        environment: 'production',
        version: '1.4.2',
        commitSha: 'abc123',
        commitTime: T0 - 60 * MINUTE,
        // The CD system's start is the earlier one.
        startedAt: T0,
        finishedAt: T0 + 5 * MINUTE,
        outcome: 'succeeded',
        kubernetes: {
          cluster: 'prod-eu',
          namespace: 'billing',
          workload: 'billing',
          revision: '7',
          image: 'registry/billing:1.4.2',
        },
        sources: ['api', 'kubernetes'],
      });
    });

    it('answers unchanged to a retried identical post, and updated when a fact changes', async () => {
      const {
        stores: [store],
      } = await createStores();
      const final = cd({ finishedAt: T0 + MINUTE, outcome: 'failed' });
      expect(await store.record([final])).toEqual(['created']);
      expect(await store.record([final])).toEqual(['unchanged']);
      expect(
        await store.record([
          cd({ finishedAt: T0 + MINUTE, outcome: 'rolled_back' }),
        ]),
      ).toEqual(['updated']);
      const [rollout] = await store.listRollouts({
        entityRef: 'component:default/billing',
        limit: 1,
      });
      expect(rollout.outcome).toBe('rolled_back');
    });

    it('records incidents and merges a later restore into them', async () => {
      const {
        stores: [store],
      } = await createStores();
      const incident = (restoredAt?: number): HistoryReport => ({
        kind: 'incident',
        incident: {
          id: 'inc-17',
          entityRef: 'component:default/billing',
          environment: 'production',
          startedAt: T0,
          ...(restoredAt ? { restoredAt } : {}),
        },
      });
      expect(await store.record([incident()])).toEqual(['created']);
      expect(await store.record([incident(T0 + 30 * MINUTE)])).toEqual([
        'updated',
      ]);
      // An incident tool re-sending the opening event does not reopen it.
      expect(await store.record([incident()])).toEqual(['unchanged']);
      expect(
        await store.incidentsStartedIn({
          entityRefs: ['component:default/billing'],
          environment: 'production',
          from: T0,
          to: T0 + 1,
        }),
      ).toEqual([
        {
          id: 'inc-17',
          entityRef: 'component:default/billing',
          environment: 'production',
          startedAt: T0,
          restoredAt: T0 + 30 * MINUTE,
        },
      ]);
    });

    it('records a batch all-or-nothing', async () => {
      const {
        knex,
        stores: [store],
      } = await createStores();
      // The second row breaks a NOT NULL constraint after the first was inserted.
      const broken = cd({ id: 'ci-2', environment: null as unknown as string });
      // Asserted on the message, not with rejects.toThrow: the driver's error may come from
      // another realm than the test's Error class.
      const failure = await store.record([cd({ id: 'ci-1' }), broken]).then(
        () => 'resolved',
        (error: unknown) => String(error),
      );
      expect(failure).toMatch(/NOT NULL|not-null|null value/i);
      expect(await knex('deployments_rollouts').count({ n: '*' })).toEqual([
        { n: databaseId === 'POSTGRES_15' ? '0' : 0 },
      ]);
    });

    it('answers in request order, and merges duplicates inside one batch', async () => {
      const {
        stores: [store],
      } = await createStores();
      expect(
        await store.record([
          cd({ id: 'b' }),
          cd({ id: 'a' }),
          cd({ id: 'b', finishedAt: T0 + MINUTE, outcome: 'succeeded' }),
        ]),
      ).toEqual(['created', 'created', 'updated']);
    });

    it('lists one environment newest first, limited', async () => {
      const {
        stores: [store],
      } = await createStores();
      await store.record([
        cd({ id: 'old', startedAt: T0 }),
        cd({ id: 'new', startedAt: T0 + MINUTE }),
        cd({
          id: 'staging',
          startedAt: T0 + 2 * MINUTE,
          environment: 'staging',
        }),
        cd({ id: 'other', entityRef: 'component:default/auth' }),
      ]);
      const ids = async (environment?: string, limit = 10) =>
        (
          await store.listRollouts({
            entityRef: 'component:default/billing',
            environment,
            limit,
          })
        ).map(r => r.id);
      expect(await ids()).toEqual(['staging', 'new', 'old']);
      expect(await ids('production')).toEqual(['new', 'old']);
      expect(await ids(undefined, 1)).toEqual(['staging']);
    });

    it('reads a DORA window by finish time: from inclusive, to exclusive, one environment', async () => {
      const {
        stores: [store],
      } = await createStores();
      await store.record([
        cd({ id: 'at-from', finishedAt: T0, outcome: 'succeeded' }),
        cd({ id: 'before', finishedAt: T0 - 1, outcome: 'succeeded' }),
        cd({ id: 'at-to', finishedAt: T0 + MINUTE, outcome: 'succeeded' }),
        cd({ id: 'running' }),
        cd({
          id: 'staging',
          environment: 'staging',
          finishedAt: T0 + 1,
          outcome: 'failed',
        }),
        cd({
          id: 'auth',
          entityRef: 'component:default/auth',
          finishedAt: T0 + 2,
          outcome: 'failed',
        }),
      ]);
      const found = await store.rolloutsFinishedIn({
        entityRefs: ['component:default/billing', 'component:default/auth'],
        environment: 'production',
        from: T0,
        to: T0 + MINUTE,
      });
      expect(found.map(r => r.id).sort()).toEqual(['at-from', 'auth']);
    });

    it('records each rollout exactly once when two replicas record the same reports at once', async () => {
      const { knex, stores } = await createStores(2);
      const ids = Array.from(
        { length: 40 },
        (_, i) => `k8s:prod/billing/billing@${i}`,
      );
      const starts = ids.map(id => watch({ id }));
      const ends = ids.map(id =>
        watch({ id, finishedAt: T0 + 3 * MINUTE, outcome: 'succeeded' }),
      );
      // Both replicas see every start and every end, in opposite orders.
      const results = await Promise.all([
        stores[0]
          .record(starts)
          .then(async a => [...a, ...(await stores[0].record(ends))]),
        stores[1]
          .record([...starts].reverse())
          .then(async a => [
            ...a,
            ...(await stores[1].record([...ends].reverse())),
          ]),
      ]);
      const all = results.flat();
      // Each id was created exactly once across both replicas, and ended exactly once.
      expect(all.filter(r => r === 'created')).toHaveLength(ids.length);
      expect(all.filter(r => r === 'updated')).toHaveLength(ids.length);
      expect(all.filter(r => r === 'unchanged')).toHaveLength(2 * ids.length);

      const rows = await knex('deployments_rollouts').select('id', 'outcome');
      expect(rows).toHaveLength(ids.length);
      expect(new Set(rows.map(r => r.outcome))).toEqual(new Set(['succeeded']));
    });
  });
});
