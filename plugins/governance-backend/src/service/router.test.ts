import type { Entity } from '@backstage/catalog-model';
import { wrapServer } from '@backstage/backend-openapi-utils/testUtils';
import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { onIpv4 } from '@internal/backend-test-kit';
import {
  DEFAULT_CHECKS,
  DEFAULT_GOVERNANCE_OPTIONS,
  DEFAULT_LEVELS,
  GovernanceConfig,
} from '@internal/plugin-governance-common';
import express from 'express';
import request from 'supertest';
import { CATALOG, SHARED_DB_SERVICES } from '../__testUtils__/catalogFixture';
import { noClusters } from '../__testUtils__/fakeStatus';
import { EvaluationStore } from '../database/EvaluationStore';
import { HistoryStore } from '../database/HistoryStore';
import { governanceDatabase } from '../database/migrate';
import { SourceAvailabilityStore } from '../database/SourceAvailabilityStore';
import { WaiverStore } from '../database/WaiverStore';
import { Evaluator } from '../evaluation/Evaluator';
import { DEFAULT_SETTINGS } from '../config';
import { CatalogInput } from '../inputs/catalogInput';
import { nextEvaluationBy } from '../onDemand/nextEvaluation';
import { OnDemandChecks } from '../onDemand/OnDemandChecks';
import { catalogEntityReader } from '../onDemand/readEntityWithOwners';
import { createRouter } from './router';
import { GovernanceViews } from './views';

jest.setTimeout(60_000);

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const T0 = Date.parse('2026-12-02T08:00:00Z');
const ANA = 'user:default/ana-garcia';

const GOVERNANCE: GovernanceConfig = {
  checks: DEFAULT_CHECKS,
  levels: DEFAULT_LEVELS,
  options: DEFAULT_GOVERNANCE_OPTIONS,
};

describe('createRouter', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    async function setup(
      options: {
        deny?: boolean;
        credentials?: BackstageCredentials;
        evaluate?: boolean;
        entities?: Entity[];
        /** In the catalog, registered after the evaluation: only the on-demand checks see them. */
        registeredAfter?: Entity[];
      } = {},
    ) {
      const knex = await databases.init(databaseId);
      const db = await governanceDatabase(mockServices.database({ knex }));
      let now = T0;
      const clock = () => now;
      const evaluations = new EvaluationStore(db);
      const waivers = new WaiverStore(db, clock);
      const history = new HistoryStore(db);
      const evaluator = new Evaluator({
        catalog: new CatalogInput(
          catalogServiceMock({ entities: options.entities ?? CATALOG }),
          mockServices.auth(),
        ),
        deploymentStatus: noClusters,
        evaluations,
        history,
        waivers,
        availability: new SourceAvailabilityStore(db),
        governance: GOVERNANCE,
        telemetryWindow: '24h',
        retention: { evaluations: 5, historyDays: 30 },
        logger: mockServices.logger.mock(),
        now: clock,
      });
      if (options.evaluate !== false) await evaluator.run('schedule');
      const permissions = mockServices.permissions.mock();
      permissions.authorize.mockResolvedValue([
        { result: options.deny ? AuthorizeResult.DENY : AuthorizeResult.ALLOW },
      ]);
      const auditor = mockServices.auditor.mock();
      const auditEvent = { success: jest.fn(), fail: jest.fn() };
      auditor.createEvent.mockResolvedValue(auditEvent);
      const router = await createRouter({
        httpAuth: mockServices.httpAuth({
          defaultCredentials: options.credentials ?? mockCredentials.user(ANA),
        }),
        permissions,
        auditor,
        views: new GovernanceViews(
          evaluations,
          waivers,
          GOVERNANCE,
          new OnDemandChecks({
            read: catalogEntityReader(
              catalogServiceMock({
                entities: [
                  ...(options.entities ?? CATALOG),
                  ...(options.registeredAfter ?? []),
                ],
              }),
              mockServices.auth(),
            ),
            governance: GOVERNANCE,
            nextEvaluationBy: (latestStartedAt, at) =>
              nextEvaluationBy(DEFAULT_SETTINGS, latestStartedAt, at),
            now: clock,
          }),
        ),
        waivers,
        history,
        evaluator,
        governance: GOVERNANCE,
        maxWaiverDays: 365,
        now: clock,
      });
      const app = express().use(router).use(mockErrorHandler());
      const server = await wrapServer(onIpv4(app));
      const url = (server.address() as unknown as URL).origin;
      return {
        url,
        knex,
        auditor,
        auditEvent,
        permissions,
        setNow: (t: number) => {
          now = t;
        },
      };
    }

    const sharedKey = async (url: string) =>
      (await request(url).get('/v1/findings?rule=shared-database')).body
        .items[0].key as string;

    it('lists findings with each filter, and explains a bad filter', async () => {
      const { url } = await setup();
      const all = await request(url).get('/v1/findings');
      expect(all.status).toBe(200);
      expect(all.body.evaluation).toEqual({
        id: expect.any(Number),
        finishedAt: new Date(T0).toISOString(),
      });
      const shared = all.body.items.find(
        (f: { rule: string }) => f.rule === 'shared-database',
      );
      expect(shared).toMatchObject({
        rule: 'shared-database',
        severity: 'error',
        waived: false,
        message: expect.stringContaining('legacy-db'),
        why: expect.any(String),
        fix: expect.any(String),
      });
      expect([...shared.entityRefs.slice(1)].sort()).toEqual(
        SHARED_DB_SERVICES,
      );

      const byOwner = await request(url).get('/v1/findings?owner=identity');
      expect(byOwner.body.items.map((f: { key: string }) => f.key)).toContain(
        shared.key,
      );
      const byEntity = await request(url).get(
        '/v1/findings?entityRef=component:default/admin&rule=shared-database',
      );
      expect(byEntity.body.items).toHaveLength(1);
      const otherNamespace = await request(url).get(
        '/v1/findings?namespace=payments',
      );
      expect(otherNamespace.body.items).toEqual([]);

      const badRule = await request(url).get('/v1/findings?rule=shared-db');
      expect(badRule.status).toBe(400);
      expect(badRule.body.error.message).toMatch(
        /^rule: unknown rule 'shared-db'; the rules are shared-database, /,
      );
      const badOwner = await request(url).get('/v1/findings?owner=group:');
      expect(badOwner.status).toBe(400);
      expect(badOwner.body.error.message).toMatch(
        /^owner: not an entity reference/,
      );
    });

    it('answers 503 before the first evaluation, and 404 for the latest one', async () => {
      const { url } = await setup({ evaluate: false });
      const findings = await request(url).get('/v1/findings');
      expect(findings.status).toBe(503);
      expect(findings.body.error.message).toMatch(
        /No governance evaluation has finished yet/,
      );
      const latest = await request(url).get('/v1/evaluations/latest');
      expect(latest.status).toBe(404);
    });

    it('covers the groups below an owner in its scorecards (spec.parent / childOf)', async () => {
      const group = (name: string, parent?: string): Entity => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name, namespace: 'default' },
        spec: { type: 'team', children: [], ...(parent && { parent }) },
        // As the catalog stitches it; `payments` relies on spec.parent alone.
        relations:
          parent && name !== 'payments'
            ? [{ type: 'childOf', targetRef: `group:default/${parent}` }]
            : [],
      });
      const ledger: Entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'ledger', namespace: 'default' },
        spec: {
          type: 'service',
          lifecycle: 'production',
          owner: 'group:default/payments',
        },
        relations: [{ type: 'ownedBy', targetRef: 'group:default/payments' }],
      };
      const entities = [
        ...CATALOG.filter(e => e.kind !== 'Group'),
        group('engineering'),
        group('billing', 'engineering'),
        group('identity', 'engineering'),
        group('payments', 'billing'),
        ledger,
      ];
      const { url } = await setup({ entities });
      const refs = async (owner: string) => {
        const res = await request(url).get(`/v1/scorecards?owner=${owner}`);
        expect(res.status).toBe(200);
        return res.body.items
          .map((s: { entityRef: string }) => s.entityRef)
          .sort();
      };
      expect(await refs('group:default/engineering')).toEqual([
        'component:default/admin',
        'component:default/auth',
        'component:default/billing',
        'component:default/ledger',
        'component:default/user-management',
        'resource:default/legacy-db',
      ]);
      // A team covers its own sub-team, not its siblings or parent.
      expect(await refs('billing')).toEqual([
        'component:default/admin',
        'component:default/billing',
        'component:default/ledger',
        'resource:default/legacy-db',
      ]);
      expect(await refs('identity')).toEqual([
        'component:default/auth',
        'component:default/user-management',
      ]);
      expect(await refs('payments')).toEqual(['component:default/ledger']);
    });

    it('serves checks, scorecards, rollups, history and the latest evaluation', async () => {
      const { url } = await setup();
      const checks = await request(url).get('/v1/checks');
      expect(checks.status).toBe(200);
      expect(checks.body.items.map((c: { id: string }) => c.id)).toEqual(
        DEFAULT_CHECKS.map(c => c.id),
      );
      expect(checks.body.levels.map((l: { id: string }) => l.id)).toEqual(
        DEFAULT_LEVELS.map(l => l.id),
      );

      const card = await request(url).get('/v1/scorecards?entityRef=billing');
      expect(card.status).toBe(200);
      expect(card.body.items).toHaveLength(1);
      expect(card.body.items[0]).toMatchObject({
        entityRef: 'component:default/billing',
        results: expect.arrayContaining([
          expect.objectContaining({
            evidence: expect.any(String),
            waived: false,
          }),
        ]),
      });
      const team = await request(url).get('/v1/scorecards?owner=billing');
      // Everything billing owns directly that a check applies to, its database included.
      expect(
        team.body.items.map((s: { entityRef: string }) => s.entityRef).sort(),
      ).toEqual([
        'component:default/admin',
        'component:default/billing',
        'resource:default/legacy-db',
      ]);
      const neither = await request(url).get('/v1/scorecards');
      expect(neither.status).toBe(400);
      expect(neither.body.error.message).toMatch(
        /exactly one of entityRef .* or owner/,
      );
      const unknown = await request(url).get('/v1/scorecards?entityRef=nope');
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toMatch(
        /^No entity component:default\/nope in the latest evaluation \(evaluation \d+\) or the catalog$/,
      );
      expect(card.body.onDemand).toBeUndefined();

      const byOwner = await request(url).get('/v1/rollups?by=owner');
      expect(byOwner.status).toBe(200);
      const billing = byOwner.body.items.find(
        (r: { key: string }) => r.key === 'group:default/billing',
      );
      expect(billing).toMatchObject({ openFindings: expect.any(Number) });
      expect(billing.openFindings).toBeGreaterThanOrEqual(1);
      const org = await request(url).get('/v1/rollups?by=organisation');
      expect(org.body.items).toHaveLength(1);
      const badBy = await request(url).get('/v1/rollups?by=team');
      expect(badBy.status).toBe(400);
      expect(badBy.body.error.message).toMatch(/by/);

      const history = await request(url).get(
        '/v1/history?dimension=rule&name=shared-database&days=7',
      );
      expect(history.status).toBe(200);
      expect(history.body).toEqual({
        dimension: 'rule',
        from: '2026-11-26',
        to: '2026-12-02',
        series: [
          {
            name: 'shared-database',
            points: [{ day: '2026-12-02', count: 1 }],
          },
        ],
      });

      const latest = await request(url).get('/v1/evaluations/latest');
      expect(latest.status).toBe(200);
      expect(latest.body).toMatchObject({
        trigger: 'schedule',
        sources: {
          catalog: 'ok',
          telemetry:
            'unavailable: the telemetry plugin could not be reached: no client configured',
          deployments:
            'unavailable: the deployments plugin has no Kubernetes cluster configured',
        },
      });
    });

    it('waives a finding until its expiry, audits it, and the finding resurfaces after', async () => {
      const { url, auditEvent, auditor, setNow } = await setup();
      const key = await sharedKey(url);
      const openInOrganisation = async () =>
        (await request(url).get('/v1/rollups?by=organisation')).body.items[0]
          .openFindings as number;
      const openBefore = await openInOrganisation();
      const created = await request(url)
        .post('/v1/waivers')
        .send({
          findingKey: key,
          reason: 'Split planned for Q1',
          expiresAt: new Date(T0 + 2 * DAY).toISOString(),
        });
      expect(created.status).toBe(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        findingKey: key,
        reason: 'Split planned for Q1',
        approver: ANA,
        createdAt: new Date(T0).toISOString(),
        expiresAt: new Date(T0 + 2 * DAY).toISOString(),
        expired: false,
      });
      expect(auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({ eventId: 'waiver-create' }),
      );
      expect(auditEvent.success).toHaveBeenCalledWith({
        meta: { waiverId: created.body.id },
      });

      const waived = await request(url).get(
        '/v1/findings?rule=shared-database',
      );
      expect(waived.body.items[0]).toMatchObject({
        waived: true,
        waiver: { id: created.body.id, approver: ANA },
      });
      expect((await request(url).get('/v1/waivers')).body.items).toHaveLength(
        1,
      );
      // Rollups are cached per evaluation and set of waivers in force: the waiver counts at once.
      expect(await openInOrganisation()).toBe(openBefore - 1);

      // Past the expiry the waiver no longer counts: the finding is open again.
      setNow(T0 + 2 * DAY);
      const resurfaced = await request(url).get(
        '/v1/findings?rule=shared-database',
      );
      expect(resurfaced.body.items[0].waived).toBe(false);
      expect(resurfaced.body.items[0].waiver).toBeUndefined();
      expect(await openInOrganisation()).toBe(openBefore);
      expect((await request(url).get('/v1/waivers')).body.items).toEqual([]);
      const withExpired = await request(url).get(
        '/v1/waivers?includeExpired=true',
      );
      expect(withExpired.body.items).toEqual([
        expect.objectContaining({ id: created.body.id, expired: true }),
      ]);
    });

    it('checks an entity registered after the latest evaluation on demand (200, onDemand), waivers applied', async () => {
      const checkout: Entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'checkout',
          namespace: 'default',
          links: [
            { url: 'https://runbooks.example/checkout', title: 'Runbook' },
          ],
        },
        spec: {
          type: 'service',
          lifecycle: 'production',
          owner: 'group:default/billing',
          tier: 1,
        },
        relations: [{ type: 'ownedBy', targetRef: 'group:default/billing' }],
      };
      const { url, setNow } = await setup({ registeredAfter: [checkout] });
      setNow(T0 + 30_000);
      const res = await request(url).get('/v1/scorecards?entityRef=checkout');
      expect(res.status).toBe(200);
      expect(res.body.onDemand).toEqual({
        evaluatedAt: new Date(T0 + 30_000).toISOString(),
        nextEvaluationBy: new Date(T0 + 90_000).toISOString(),
        reason: expect.stringMatching(
          /^component:default\/checkout is newer than the latest evaluation \(\d+, finished 2026-12-02T08:00:00.000Z\): its checks were evaluated now from the catalog; traces, replicas and architecture findings come with the next evaluation$/,
        ),
      });
      const [card] = res.body.items;
      const state = (id: string) => {
        const r = card.results.find(
          (x: { checkId: string }) => x.checkId === id,
        );
        if (r.unknown) return 'unknown';
        return r.passed ? 'passed' : 'failed';
      };
      expect(card.entityRef).toBe('component:default/checkout');
      expect(
        Object.fromEntries(
          card.results.map((r: { checkId: string }) => [
            r.checkId,
            state(r.checkId),
          ]),
        ),
      ).toEqual({
        'has-owner': 'passed',
        'has-tier': 'passed',
        'has-runbook': 'passed',
        'has-on-call': 'failed',
        'has-slo': 'failed',
        'emits-traces': 'unknown',
        'multiple-replicas': 'unknown',
        'no-architecture-errors': 'unknown',
      });
      // Bronze reached from the catalog alone; unknown checks neither count nor block.
      expect(card).toMatchObject({
        level: 'bronze',
        passed: 3,
        total: 5,
        next: { level: 'silver', failing: ['has-on-call', 'has-slo'] },
      });

      // A waiver on one of its checks counts at once, as for an evaluated entity.
      const waived = await request(url)
        .post('/v1/waivers')
        .send({
          checkId: 'has-slo',
          entityRef: 'checkout',
          reason: 'SLO file lands with the first release',
          expiresAt: new Date(T0 + 30 * DAY).toISOString(),
        });
      expect(waived.status).toBe(201);
      const after = await request(url).get('/v1/scorecards?entityRef=checkout');
      expect(
        after.body.items[0].results.find(
          (r: { checkId: string }) => r.checkId === 'has-slo',
        ),
      ).toMatchObject({ passed: true, waived: true });
    });

    it('waives a check on one entity: the scorecard counts it passed', async () => {
      const { url } = await setup();
      const card = await request(url).get('/v1/scorecards?entityRef=billing');
      const failing = card.body.items[0].results.find(
        (r: { passed: boolean; unknown?: boolean }) => !r.passed && !r.unknown,
      );
      expect(failing).toBeDefined();
      const created = await request(url)
        .post('/v1/waivers')
        .send({
          checkId: failing.checkId,
          entityRef: 'billing',
          reason: 'Legacy service, retired in March',
          expiresAt: new Date(T0 + 30 * DAY).toISOString(),
        });
      expect(created.status).toBe(201);
      expect(created.body.entityRef).toBe('component:default/billing');
      const after = await request(url).get('/v1/scorecards?entityRef=billing');
      expect(
        after.body.items[0].results.find(
          (r: { checkId: string }) => r.checkId === failing.checkId,
        ),
      ).toMatchObject({ passed: true, waived: true });
    });

    it('refuses bad waivers with 400 naming the field, and stores none', async () => {
      const { url, knex, auditEvent } = await setup();
      const key = await sharedKey(url);
      const expiresAt = new Date(T0 + DAY).toISOString();
      const cases: Array<[Record<string, unknown>, RegExp]> = [
        [
          { reason: 'x', expiresAt },
          /either findingKey .* or checkId and entityRef/,
        ],
        [
          { findingKey: 'nope', reason: 'x', expiresAt },
          /^findingKey: no finding with key 'nope'/,
        ],
        [
          { findingKey: key, reason: '   ', expiresAt },
          /^reason: must not be blank/,
        ],
        [
          { findingKey: key, reason: 'x', expiresAt: '2027-01-01' },
          /^expiresAt: not an ISO 8601 timestamp/,
        ],
        [
          { findingKey: key, reason: 'x', expiresAt: '2026-12-01T00:00:00Z' },
          /^expiresAt: must be in the future/,
        ],
        [
          { findingKey: key, reason: 'x', expiresAt: '2028-01-01T00:00:00Z' },
          /^expiresAt: at most 365 days ahead/,
        ],
        [
          {
            checkId: 'no-such-check',
            entityRef: 'billing',
            reason: 'x',
            expiresAt,
          },
          /^checkId: unknown check 'no-such-check'/,
        ],
        [
          { checkId: DEFAULT_CHECKS[0].id, reason: 'x', expiresAt },
          /^entityRef: required with checkId/,
        ],
        [{ findingKey: key, reason: 'x' }, /expiresAt/],
      ];
      for (const [body, message] of cases) {
        const res = await request(url).post('/v1/waivers').send(body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        expect(res.body.error.message).toMatch(message);
      }
      expect(await knex('governance_waivers').count({ n: '*' })).toEqual([
        { n: expect.anything() },
      ]);
      expect(
        Number((await knex('governance_waivers').count({ n: '*' }))[0].n),
      ).toBe(0);
      expect(auditEvent.fail).toHaveBeenCalled();
    });

    it('deletes a waiver (audited), and 404s an unknown one', async () => {
      const { url, auditor } = await setup();
      const key = await sharedKey(url);
      const created = await request(url)
        .post('/v1/waivers')
        .send({
          findingKey: key,
          reason: 'Split planned for Q1',
          expiresAt: new Date(T0 + DAY).toISOString(),
        });
      const deleted = await request(url).delete(
        `/v1/waivers/${created.body.id}`,
      );
      expect(deleted.status).toBe(204);
      expect(auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({ eventId: 'waiver-delete' }),
      );
      const again = await request(url).delete(`/v1/waivers/${created.body.id}`);
      expect(again.status).toBe(404);
      expect(again.body.error.message).toBe(`No waiver ${created.body.id}`);
    });

    it('runs an evaluation on request (audited)', async () => {
      const { url, auditEvent } = await setup();
      const res = await request(url).post('/v1/evaluations');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        trigger: 'api',
        findings: expect.any(Number),
        openFindings: expect.any(Number),
      });
      expect(auditEvent.success).toHaveBeenCalledWith({
        meta: { evaluationId: res.body.id },
      });
    });

    it('answers 403 on every mutation when the permission is denied, and changes nothing', async () => {
      const { url, knex, permissions } = await setup({ deny: true });
      const key = await sharedKey(url);
      const before = await request(url).get('/v1/evaluations/latest');

      const create = await request(url)
        .post('/v1/waivers')
        .send({
          findingKey: key,
          reason: 'x',
          expiresAt: new Date(T0 + DAY).toISOString(),
        });
      expect(create.status).toBe(403);
      expect(create.body.error.message).toMatch(/governance\.waiver\.create/);
      const del = await request(url).delete('/v1/waivers/some-id');
      expect(del.status).toBe(403);
      expect(del.body.error.message).toMatch(/governance\.waiver\.delete/);
      const run = await request(url).post('/v1/evaluations');
      expect(run.status).toBe(403);
      expect(run.body.error.message).toMatch(/governance\.evaluation\.create/);

      expect(permissions.authorize).toHaveBeenCalledTimes(3);
      expect(
        Number((await knex('governance_waivers').count({ n: '*' }))[0].n),
      ).toBe(0);
      expect((await request(url).get('/v1/evaluations/latest')).body.id).toBe(
        before.body.id,
      );
    });

    it('lets only users create waivers: the approver is a person', async () => {
      const { url } = await setup({ credentials: mockCredentials.service() });
      const res = await request(url)
        .post('/v1/waivers')
        .send({
          findingKey: 'x',
          reason: 'x',
          expiresAt: new Date(T0 + DAY).toISOString(),
        });
      expect(res.status).toBe(403);
    });
  });
});
