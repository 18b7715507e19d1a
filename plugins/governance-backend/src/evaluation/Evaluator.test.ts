import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { ResponseError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DEFAULT_CHECKS,
  DEFAULT_GOVERNANCE_OPTIONS,
  DEFAULT_LEVELS,
} from '@internal/plugin-governance-common';
import { CATALOG, SHARED_DB_SERVICES } from '../__testUtils__/catalogFixture';
import { noClusters, oneReplicaEach } from '../__testUtils__/fakeStatus';
import { EvaluationStore } from '../database/EvaluationStore';
import { HistoryStore } from '../database/HistoryStore';
import { governanceDatabase } from '../database/migrate';
import { SourceAvailabilityStore } from '../database/SourceAvailabilityStore';
import { WaiverStore } from '../database/WaiverStore';
import { CatalogInput } from '../inputs/catalogInput';
import { EdgesReader, ServicesReader } from '../inputs/telemetryInput';
import { Evaluator, EvaluatorOptions } from './Evaluator';

jest.setTimeout(60_000);

const T0 = Date.parse('2026-12-02T08:00:00Z');

/** What a 404 from a plugin that is not installed looks like to the generated clients. */
async function notInstalled(): Promise<never> {
  throw await ResponseError.fromResponse(
    new Response(
      JSON.stringify({
        error: { name: 'NotFoundError', message: 'Not found' },
      }),
      { status: 404, headers: { 'content-type': 'application/json' } },
    ),
  );
}

/** billing calls auth over HTTP; no relation declares it; admin's use of legacy-db went unseen. */
const edges: EdgesReader = async window => ({
  window,
  edges: [
    {
      from: 'component:default/billing',
      to: 'component:default/auth',
      kind: 'http',
      count: 120,
      errors: 0,
      firstSeen: '2026-12-02T07:00:00Z',
      lastSeen: '2026-12-02T07:59:00Z',
      declared: false,
    },
  ],
  neverObserved: [
    {
      from: 'component:default/admin',
      to: 'resource:default/legacy-db',
      relation: 'dependsOn',
    },
  ],
});

/** The services that sent spans: billing and auth (an edge shows them too) and admin, alone. */
const services: ServicesReader = async window => ({
  window,
  source: 'embedded',
  items: ['billing', 'auth', 'admin'].map(name => ({
    serviceName: name,
    entityRef: `component:default/${name}`,
    spans: 10,
    errors: 0,
    lastSeen: '2026-12-02T07:59:00.000Z',
  })),
});

const HOUR = 3600_000;

describe('Evaluator', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    async function setup(overrides: Partial<EvaluatorOptions> = {}) {
      const knex = await databases.init(databaseId);
      const db = await governanceDatabase(mockServices.database({ knex }));
      let now = T0;
      const entities = structuredClone(CATALOG);
      const catalog = catalogServiceMock({ entities });
      const evaluations = new EvaluationStore(db);
      const waivers = new WaiverStore(db, () => now);
      const history = new HistoryStore(db);
      const evaluatorOptions: EvaluatorOptions = {
        catalog: new CatalogInput(catalog, mockServices.auth()),
        edges,
        services,
        deploymentStatus: oneReplicaEach,
        evaluations,
        history,
        waivers,
        availability: new SourceAvailabilityStore(db),
        governance: {
          checks: DEFAULT_CHECKS,
          levels: DEFAULT_LEVELS,
          options: DEFAULT_GOVERNANCE_OPTIONS,
        },
        telemetryWindow: '24h',
        retention: { evaluations: 3, historyDays: 30 },
        logger: mockServices.logger.mock(),
        now: () => now,
        ...overrides,
      };
      const evaluator = new Evaluator(evaluatorOptions);
      return {
        evaluator,
        evaluatorOptions,
        evaluations,
        waivers,
        history,
        entities,
        db,
        setNow: (t: number) => {
          now = t;
        },
      };
    }

    it('evaluates the whole catalog with telemetry and deployments, and stores it', async () => {
      const { evaluator, evaluations, history } = await setup();
      const evaluation = await evaluator.run('api');
      expect(evaluation.sources).toEqual({
        catalog: 'ok',
        telemetry: 'ok',
        deployments: 'ok',
        staleDeclaration:
          'waits until 2026-12-03T08:00:00.000Z: telemetry has watched 0 s of its 24 h window',
      });
      const shared = evaluation.findings.find(
        f => f.rule === 'shared-database',
      );
      expect(shared?.entityRefs[0]).toBe('resource:default/legacy-db');
      expect([...shared!.entityRefs.slice(1)].sort()).toEqual(
        SHARED_DB_SERVICES,
      );
      // Telemetry's undeclared call and deployments' single replicas reach the rules.
      expect(
        evaluation.findings.filter(f => f.rule === 'undeclared-dependency'),
      ).toEqual([
        expect.objectContaining({
          entityRefs: ['component:default/billing', 'component:default/auth'],
        }),
      ]);
      expect(
        evaluation.findings.filter(f => f.rule === 'single-replica').length,
      ).toBeGreaterThan(0);
      expect(evaluation.checkResults.length).toBeGreaterThan(0);
      expect(await evaluations.latest()).toEqual(evaluation);
      const counts = await history.query({
        dimension: 'rule',
        fromDay: '2026-12-02',
        toDay: '2026-12-02',
      });
      expect(counts).toContainEqual({
        day: '2026-12-02',
        dimension: 'rule',
        name: 'shared-database',
        count: 1,
      });
    });

    it('counts a service that sent spans as traced though no edge shows it', async () => {
      const { evaluator } = await setup();
      const evaluation = await evaluator.run('api');
      const missingTraces = evaluation.findings
        .filter(
          f =>
            f.rule === 'missing-observability' &&
            f.message.includes('no traces'),
        )
        .map(f => f.entityRefs[0]);
      // admin's spans pair with nothing, but telemetry lists it.
      expect(missingTraces).not.toContain('component:default/admin');
      expect(missingTraces).not.toContain('component:default/billing');
      expect(missingTraces).toContain('component:default/user-management');
    });

    it('evaluates without telemetry and deployments when they are not installed, and says so', async () => {
      const { evaluator } = await setup({
        edges: notInstalled,
        services: notInstalled,
        deploymentStatus: noClusters,
      });
      const evaluation = await evaluator.run('schedule');
      expect(evaluation.sources).toEqual({
        catalog: 'ok',
        telemetry:
          'unavailable: the telemetry plugin is not installed (404 at its API)',
        deployments:
          'unavailable: the deployments plugin has no Kubernetes cluster configured',
      });
      const rules = new Set(evaluation.findings.map(f => f.rule));
      expect(rules.has('shared-database')).toBe(true);
      expect(rules.has('undeclared-dependency')).toBe(false);
      expect(rules.has('single-replica')).toBe(false);
    });

    it('evaluates when telemetry and deployments fail, and records why', async () => {
      const { evaluator } = await setup({
        edges: async () => {
          throw new Error('connect ECONNREFUSED 127.0.0.1:7007');
        },
        deploymentStatus: async () => notInstalled(),
      });
      const evaluation = await evaluator.run('schedule');
      expect(evaluation.sources.telemetry).toBe(
        'unavailable: the telemetry plugin could not be reached: connect ECONNREFUSED 127.0.0.1:7007',
      );
      expect(evaluation.sources.deployments).toBe(
        'unavailable: the deployments plugin is not installed (404 at its API)',
      );
      expect(evaluation.findings.map(f => f.rule)).toContain('shared-database');
    });

    it('runs after a catalog change only, and keeps the newest evaluations', async () => {
      const { evaluator, evaluations, entities, setNow } = await setup();
      const first = await evaluator.runIfCatalogChanged();
      expect(first?.trigger).toBe('catalog-change');
      expect(await evaluator.runIfCatalogChanged()).toBeUndefined();

      // The catalog gives an entity a new etag whenever it or its relations change.
      entities.find(e => e.metadata.name === 'auth')!.metadata.etag = 'auth-2';
      setNow(T0 + 60_000);
      const second = await evaluator.runIfCatalogChanged();
      expect(second?.id).toBeGreaterThan(first!.id);
      expect(await evaluator.runIfCatalogChanged()).toBeUndefined();

      for (let i = 0; i < 3; i++) await evaluator.run('schedule');
      expect((await evaluations.latest())?.trigger).toBe('schedule');
      // retention.evaluations = 3: the two catalog-change runs are gone.
      const remaining = await evaluations.latestSummary();
      expect(remaining!.id - first!.id).toBe(4);
    });

    it('joins a run in progress for the schedule, and runs afresh after it for the API', async () => {
      const { evaluator } = await setup();
      const scheduled = evaluator.run('schedule');
      const changed = evaluator.run('catalog-change');
      const requested = evaluator.run('api');
      const [a, b, c] = await Promise.all([scheduled, changed, requested]);
      expect(b).toBe(a);
      expect(c.trigger).toBe('api');
      expect(c.id).toBeGreaterThan(a.id);
    });

    it('counts a waived finding out of the history, and in again once the waiver expired', async () => {
      const { evaluator, waivers, history, setNow } = await setup();
      const evaluation = await evaluator.run('api');
      const shared = evaluation.findings.find(
        f => f.rule === 'shared-database',
      )!;
      await waivers.create({
        findingKey: shared.key,
        reason: 'Split planned for Q1',
        approver: 'user:default/ana-garcia',
        expiresAt: T0 + 3600_000,
      });
      const sharedCount = async (day: string) =>
        (
          await history.query({
            dimension: 'rule',
            names: ['shared-database'],
            fromDay: day,
            toDay: day,
          })
        )[0]?.count ?? 0;

      setNow(T0 + 60_000);
      await evaluator.run('api');
      expect(await sharedCount('2026-12-02')).toBe(0);

      setNow(T0 + 24 * 3600_000);
      await evaluator.run('api');
      expect(await sharedCount('2026-12-03')).toBe(1);
    });

    it('reports stale declarations only once telemetry has watched its whole window, counted in the database', async () => {
      const { evaluator, evaluatorOptions, setNow, db } = await setup();
      const stale = (e: { findings: { rule: string; key: string }[] }) =>
        e.findings.filter(f => f.rule === 'stale-declaration').map(f => f.key);

      expect(stale(await evaluator.run('schedule'))).toEqual([]);
      setNow(T0 + 3 * 60_000);
      const early = await evaluator.run('schedule');
      expect(stale(early)).toEqual([]);
      expect(early.sources.staleDeclaration).toBe(
        'waits until 2026-12-03T08:00:00.000Z: telemetry has watched 3 min of its 24 h window',
      );
      // Undeclared calls need no full window: they were seen.
      expect(early.findings.map(f => f.rule)).toContain(
        'undeclared-dependency',
      );

      // A restarted or second replica reads the same start from the database.
      setNow(T0 + 24 * HOUR);
      const replica = new Evaluator({
        ...evaluatorOptions,
        availability: new SourceAvailabilityStore(db),
      });
      const full = await replica.run('schedule');
      expect(full.sources.staleDeclaration).toBe('ok');
      expect(stale(full)).toEqual([
        'stale-declaration:component:default/admin>resource:default/legacy-db>dependsOn',
      ]);
    });

    it('starts the span again after telemetry was unavailable', async () => {
      let up = true;
      const { evaluator, setNow } = await setup({
        edges: async window => {
          if (!up) throw new Error('connect ECONNREFUSED 127.0.0.1:7007');
          return edges(window);
        },
      });
      await evaluator.run('schedule');
      setNow(T0 + 23 * HOUR);
      up = false;
      const down = await evaluator.run('schedule');
      expect(down.sources.staleDeclaration).toBeUndefined();

      setNow(T0 + 24 * HOUR);
      up = true;
      const back = await evaluator.run('schedule');
      expect(back.sources.staleDeclaration).toBe(
        'waits until 2026-12-04T08:00:00.000Z: telemetry has watched 0 s of its 24 h window',
      );
      expect(back.findings.map(f => f.rule)).not.toContain('stale-declaration');

      setNow(T0 + 49 * HOUR + 5 * 60_000);
      const later = await evaluator.run('schedule');
      expect(later.findings.map(f => f.rule)).toContain('stale-declaration');
    });

    it("finds workloads without limits or a readiness probe from deployments' containers, and not the others", async () => {
      const { evaluator } = await setup({
        deploymentStatus: async ref =>
          ref === 'component:default/billing'
            ? oneReplicaEach(ref, [
                { name: 'billing', limits: {}, readinessProbe: false },
              ])
            : oneReplicaEach(ref),
      });
      const evaluation = await evaluator.run('api');
      const of = (rule: string) =>
        evaluation.findings
          .filter(f => f.rule === rule)
          .map(f => [f.entityRefs, f.message]);
      expect(of('no-resource-limits')).toEqual([
        [
          ['component:default/billing'],
          'billing: Deployment prod-eu/dataflow/billing has containers without CPU and memory limits: billing',
        ],
      ]);
      expect(of('no-readiness-probe')).toEqual([
        [
          ['component:default/billing'],
          'billing: Deployment prod-eu/dataflow/billing has containers without a readiness probe: billing',
        ],
      ]);
    });
  });
});
