import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import type { Finding } from '@internal/plugin-governance-common';
import { Evaluation, EvaluationStore } from './EvaluationStore';
import { HistoryStore } from './HistoryStore';
import { governanceDatabase } from './migrate';

jest.setTimeout(60_000);

const T0 = Date.parse('2026-12-02T08:00:00Z');

const finding: Finding = {
  rule: 'shared-database',
  key: 'shared-database:resource:default/legacy-db',
  severity: 'error',
  entityRefs: ['resource:default/legacy-db', 'component:default/admin'],
  message: 'legacy-db is used by admin',
  why: 'coupling',
  fix: 'split it',
  owners: ['group:default/billing'],
  systems: [],
  namespaces: ['default'],
};

const evaluation = (at: number): Omit<Evaluation, 'id'> => ({
  startedAt: at,
  finishedAt: at + 1500,
  trigger: 'schedule',
  catalogFingerprint: `fp-${at}`,
  sources: {
    catalog: 'ok',
    telemetry:
      'unavailable: the telemetry plugin is not installed (404 at its API)',
    deployments: 'ok',
  },
  findings: [finding],
  checkResults: [
    {
      checkId: 'has-owner',
      entityRef: 'component:default/admin',
      passed: true,
      evidence: 'spec.owner = billing',
    },
  ],
  entities: [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'admin', namespace: 'default' },
      spec: { owner: 'billing' },
    },
  ],
});

describe('EvaluationStore and HistoryStore', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  it.each(databases.eachSupportedId())(
    'stores evaluations, reads the latest (also from another replica), prunes by retention on %s',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const db = await governanceDatabase(mockServices.database({ knex }));
      const store = new EvaluationStore(db);
      expect(await store.latest()).toBeUndefined();
      expect(await store.latestSummary()).toBeUndefined();

      const first = await store.save(evaluation(T0));
      const second = await store.save(evaluation(T0 + 60_000));
      expect(second.id).toBeGreaterThan(first.id);

      // Another replica's store (empty cache) reads the same latest evaluation from the database.
      const other = new EvaluationStore(db);
      expect(await other.latest()).toEqual(second);
      expect(await other.latestSummary()).toEqual({
        id: second.id,
        startedAt: T0 + 60_000,
        finishedAt: T0 + 61_500,
        trigger: 'schedule',
        catalogFingerprint: `fp-${T0 + 60_000}`,
        sources: evaluation(T0).sources,
      });
      // A newer evaluation by the first replica replaces the other's cached one.
      const third = await store.save(evaluation(T0 + 120_000));
      expect((await other.latest())?.id).toBe(third.id);

      expect(await store.prune(2)).toBe(1);
      expect(
        await knex('governance_evaluations').orderBy('id').pluck('id'),
      ).toEqual([second.id, third.id]);
      expect(await store.prune(5)).toBe(0);
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps one snapshot per day (the last wins), queries ranges, prunes old days on %s',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const history = new HistoryStore(
        await governanceDatabase(mockServices.database({ knex })),
      );
      await history.recordDay('2026-11-30', [
        { dimension: 'rule', name: 'shared-database', count: 2 },
        { dimension: 'level', name: 'bronze', count: 5 },
      ]);
      await history.recordDay('2026-12-01', [
        { dimension: 'rule', name: 'shared-database', count: 3 },
      ]);
      await history.recordDay('2026-12-01', [
        { dimension: 'rule', name: 'shared-database', count: 1 },
        { dimension: 'rule', name: 'sync-cycle', count: 1 },
      ]);
      expect(
        await history.query({
          dimension: 'rule',
          fromDay: '2026-11-01',
          toDay: '2026-12-31',
        }),
      ).toEqual([
        {
          day: '2026-11-30',
          dimension: 'rule',
          name: 'shared-database',
          count: 2,
        },
        {
          day: '2026-12-01',
          dimension: 'rule',
          name: 'shared-database',
          count: 1,
        },
        { day: '2026-12-01', dimension: 'rule', name: 'sync-cycle', count: 1 },
      ]);
      expect(
        await history.query({
          dimension: 'rule',
          names: ['sync-cycle'],
          fromDay: '2026-12-01',
          toDay: '2026-12-01',
        }),
      ).toEqual([
        { day: '2026-12-01', dimension: 'rule', name: 'sync-cycle', count: 1 },
      ]);

      // A large snapshot is written in chunks (SQLite's bound-parameter limit).
      const many = Array.from({ length: 1200 }, (_, i) => ({
        dimension: 'owner' as const,
        name: `group:default/team-${i}`,
        count: i,
      }));
      await history.recordDay('2026-12-02', many);
      expect(
        await history.query({
          dimension: 'owner',
          fromDay: '2026-12-02',
          toDay: '2026-12-02',
        }),
      ).toHaveLength(1200);

      expect(await history.pruneBefore('2026-12-01')).toBe(2);
      expect(
        await history.query({
          dimension: 'level',
          fromDay: '2026-01-01',
          toDay: '2026-12-31',
        }),
      ).toEqual([]);
    },
  );
});
