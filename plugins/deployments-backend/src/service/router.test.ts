import { wrapServer } from '@backstage/backend-openapi-utils/testUtils';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { onIpv4 } from '@internal/backend-test-kit';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import express from 'express';
import request from 'supertest';
import { CATALOG } from '../__testUtils__/catalogFixture';
import { DatabaseHistoryStore } from '../database/HistoryStore';
import { EventRecorder } from '../history/EventRecorder';
import { CatalogScope } from './catalogScope';
import { DoraQuery } from './DoraQuery';
import { noClustersStatusSource } from '../__testUtils__/noClustersStatusSource';
import { createRouter } from './router';

jest.setTimeout(60_000);

const HOUR = 3600_000;
const NOW = Date.now();
const ago = (hours: number) => new Date(NOW - hours * HOUR).toISOString();

const deployment = (id: string, overrides: Record<string, unknown> = {}) => ({
  kind: 'deployment',
  id,
  entityRef: 'component:default/billing',
  environment: 'production',
  version: '1.4.2',
  commitSha: 'abc123',
  commitTime: ago(5),
  startedAt: ago(3),
  finishedAt: ago(2),
  outcome: 'succeeded',
  ...overrides,
});

describe('createRouter', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

  describe.each(databases.eachSupportedId())('on %s', databaseId => {
    async function setup(
      options: { deny?: boolean; credentials?: BackstageCredentials } = {},
    ) {
      const knex = await databases.init(databaseId);
      const store = await DatabaseHistoryStore.create({
        database: mockServices.database({ knex }),
      });
      const catalog = catalogServiceMock({ entities: CATALOG });
      const auth = mockServices.auth();
      const permissions = mockServices.permissions.mock();
      permissions.authorize.mockResolvedValue([
        { result: options.deny ? AuthorizeResult.DENY : AuthorizeResult.ALLOW },
      ]);
      const auditor = mockServices.auditor.mock();
      const auditEvent = { success: jest.fn(), fail: jest.fn() };
      auditor.createEvent.mockResolvedValue(auditEvent);
      const scope = new CatalogScope(catalog, auth);
      const router = await createRouter({
        httpAuth: mockServices.httpAuth({
          defaultCredentials: options.credentials ?? mockCredentials.user(),
        }),
        permissions,
        auditor,
        store,
        recorder: new EventRecorder({ store, catalog, auth }),
        scope,
        dora: new DoraQuery({
          store,
          scope,
          productionEnvironment: 'production',
          now: () => NOW,
        }),
        status: noClustersStatusSource,
      });
      const app = express().use(router).use(mockErrorHandler());
      const server = await wrapServer(onIpv4(app));
      const url = (server.address() as unknown as URL).origin;
      return { url, app, knex, permissions, auditor, auditEvent };
    }

    describe('POST /v1/events', () => {
      it('records one event, answers unchanged to a retry, and audits it', async () => {
        const { url, auditor, auditEvent, permissions } = await setup();
        const first = await request(url)
          .post('/v1/events')
          .send(deployment('ci-4711'));
        expect(first.status).toBe(200);
        expect(first.body).toEqual({
          accepted: [{ kind: 'deployment', id: 'ci-4711', result: 'created' }],
        });
        expect(permissions.authorize).toHaveBeenCalledWith(
          [
            {
              permission: expect.objectContaining({
                name: 'deployments.event.create',
              }),
            },
          ],
          expect.anything(),
        );
        expect(auditor.createEvent).toHaveBeenCalledWith(
          expect.objectContaining({
            eventId: 'events-record',
            meta: { events: 1 },
          }),
        );
        expect(auditEvent.success).toHaveBeenCalledWith({
          meta: { created: 1, updated: 0, unchanged: 0 },
        });

        const retry = await request(url)
          .post('/v1/events')
          .send(deployment('ci-4711'));
        expect(retry.body.accepted).toEqual([
          { kind: 'deployment', id: 'ci-4711', result: 'unchanged' },
        ]);
      });

      it('records an array of deployments and incidents in request order', async () => {
        const { url } = await setup();
        const { finishedAt, outcome, ...started } = deployment('ci-2');
        const res = await request(url)
          .post('/v1/events')
          .send([
            started,
            deployment('ci-2'),
            {
              kind: 'incident',
              id: 'inc-17',
              entityRef: 'billing',
              environment: 'production',
              startedAt: ago(2),
              restoredAt: ago(1),
            },
          ]);
        expect(res.status).toBe(200);
        expect(res.body.accepted).toEqual([
          { kind: 'deployment', id: 'ci-2', result: 'created' },
          { kind: 'deployment', id: 'ci-2', result: 'updated' },
          { kind: 'incident', id: 'inc-17', result: 'created' },
        ]);
      });

      it('refuses a batch with a bad timestamp, naming field and index, and stores none of it', async () => {
        const { url, knex, auditEvent } = await setup();
        const res = await request(url)
          .post('/v1/events')
          .send([
            deployment('a'),
            deployment('b'),
            deployment('c'),
            deployment('d', { startedAt: '30/11/2026 10:00' }),
          ]);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toBe(
          'Nothing was recorded: events[3].startedAt: not an ISO 8601 timestamp with a time zone (e.g. 2026-11-30T10:00:00Z), got "30/11/2026 10:00"',
        );
        expect(await knex('deployments_rollouts').select('id')).toEqual([]);
        expect(auditEvent.fail).toHaveBeenCalled();
      });

      it('refuses an event for an entity the catalog lacks, and stores none of the batch', async () => {
        const { url, knex } = await setup();
        const res = await request(url)
          .post('/v1/events')
          .send([
            deployment('a'),
            deployment('b', { entityRef: 'component:default/nope' }),
          ]);
        expect(res.status).toBe(400);
        expect(res.body.error.message).toBe(
          'Nothing was recorded: events[1].entityRef: no entity component:default/nope in the catalog',
        );
        expect(await knex('deployments_rollouts').select('id')).toEqual([]);
      });

      it('answers 403 when the permission is denied', async () => {
        const { url, knex } = await setup({ deny: true });
        const res = await request(url).post('/v1/events').send(deployment('a'));
        expect(res.status).toBe(403);
        expect(res.body.error.message).toMatch(/deployments\.event\.create/);
        expect(await knex('deployments_rollouts').select('id')).toEqual([]);
      });

      it('bounds a request: 1,001 events → 400, a body over 1 MiB → 413', async () => {
        const { url, app } = await setup();
        const many = Array.from({ length: 1001 }, (_, i) =>
          deployment(`ci-${i}`),
        );
        const tooMany = await request(url).post('/v1/events').send(many);
        expect(tooMany.status).toBe(400);
        expect(tooMany.body.error.message).toMatch(
          /at most 1000 per request, got 1001/,
        );

        // Straight to the app: the checking proxy buffers bodies and is not under test here.
        const huge = Array.from({ length: 900 }, (_, i) =>
          deployment(`ci-${i}`, { version: 'v'.repeat(1200) }),
        );
        const tooLarge = await request(app).post('/v1/events').send(huge);
        expect(tooLarge.status).toBe(413);
        expect(tooLarge.body.error.message).toMatch(/larger than 1 MiB/);
      });
    });

    describe('GET /v1/rollouts', () => {
      it('lists a service’s rollouts newest first, per environment, limited', async () => {
        const { url } = await setup();
        await request(url)
          .post('/v1/events')
          .send([
            deployment('old', {
              commitTime: ago(11),
              startedAt: ago(10),
              finishedAt: ago(9),
            }),
            deployment('new', { startedAt: ago(3), finishedAt: ago(2.5) }),
            deployment('stg', {
              environment: 'staging',
              startedAt: ago(1),
              finishedAt: ago(0.5),
            }),
          ])
          .expect(200);
        const all = await request(url).get(
          '/v1/rollouts?entityRef=component:default/billing',
        );
        expect(all.status).toBe(200);
        expect(all.body.items.map((r: { id: string }) => r.id)).toEqual([
          'stg',
          'new',
          'old',
        ]);
        expect(all.body.items[1]).toEqual({
          id: 'new',
          entityRef: 'component:default/billing',
          environment: 'production',
          version: '1.4.2',
          commitSha: 'abc123',
          commitTime: ago(5),
          startedAt: ago(3),
          finishedAt: ago(2.5),
          durationSeconds: 1800,
          outcome: 'succeeded',
          sources: ['api'],
        });
        const prod = await request(url).get(
          '/v1/rollouts?entityRef=billing&environment=production&limit=1',
        );
        expect(prod.body.items.map((r: { id: string }) => r.id)).toEqual([
          'new',
        ]);
      });

      it('answers 404 naming the entity it looked for, and 400 for a bad limit', async () => {
        const { url } = await setup();
        const missing = await request(url).get(
          '/v1/rollouts?entityRef=component:default/nope',
        );
        expect(missing.status).toBe(404);
        expect(missing.body.error.message).toBe(
          'No entity component:default/nope in the catalog',
        );
        const badLimit = await request(url).get(
          '/v1/rollouts?entityRef=billing&limit=0',
        );
        expect(badLimit.status).toBe(400);
        expect(badLimit.body.error.message).toMatch(/limit/);
      });
    });

    describe('GET /v1/status', () => {
      it('says no cluster is configured, and 404s an unknown entity', async () => {
        const { url } = await setup();
        const res = await request(url).get(
          '/v1/status?entityRef=component:default/billing',
        );
        expect(res.status).toBe(200);
        expect(res.body).toEqual({
          entityRef: 'component:default/billing',
          selector: 'label backstage.io/kubernetes-id=billing',
          clustersConfigured: false,
          clusters: [],
        });
        const missing = await request(url).get('/v1/status?entityRef=nope');
        expect(missing.status).toBe(404);
        expect(missing.body.error.message).toBe(
          'No entity component:default/nope in the catalog',
        );
      });
    });

    describe('GET /v1/dora', () => {
      async function seeded() {
        const context = await setup();
        await request(context.url)
          .post('/v1/events')
          .send([
            // billing: 2 succeeded (lead 3 h and 5 h), 1 failed, one staging deployment
            deployment('b1', { commitTime: ago(6), finishedAt: ago(3) }),
            deployment('b2', {
              commitTime: ago(7),
              startedAt: ago(3),
              finishedAt: ago(2),
            }),
            deployment('b3', { outcome: 'failed' }),
            deployment('b4', { environment: 'staging' }),
            // admin (also billing's): 1 succeeded, lead 1 h
            deployment('a1', {
              entityRef: 'admin',
              commitTime: ago(3),
              finishedAt: ago(2),
            }),
            // auth (identity's): 1 succeeded 10 days ago — in the previous 7-day window
            deployment('x1', {
              entityRef: 'auth',
              commitTime: ago(242),
              startedAt: ago(241),
              finishedAt: ago(240),
            }),
            {
              kind: 'incident',
              id: 'i1',
              entityRef: 'billing',
              environment: 'production',
              startedAt: ago(4),
              restoredAt: ago(3.5),
            },
          ])
          .expect(200);
        return context;
      }

      it('reports a service over the window, production only, with the previous window', async () => {
        const { url } = await seeded();
        const res = await request(url).get(
          '/v1/dora?entityRef=component:default/billing&window=7d',
        );
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          scope: {
            entityRef: 'component:default/billing',
            services: ['component:default/billing'],
          },
          window: '7d',
          environment: 'production',
          to: new Date(NOW).toISOString(),
          // 2 succeeded ÷ 7 days; lead times 3 h and 5 h → median 4 h = 14,400 s;
          // 1 failed of 3; one incident restored after 30 min.
          deploymentsPerDay: 2 / 7,
          leadTimeSeconds: { median: 14400 },
          changeFailureRate: 1 / 3,
          timeToRestoreSeconds: { median: 1800 },
          deployments: 3,
          failedDeployments: 1,
          incidents: 1,
          bands: {
            deploymentFrequency: 'high',
            leadTime: 'elite',
            changeFailureRate: 'low',
            timeToRestore: 'elite',
          },
          previous: { deployments: 0, deploymentsPerDay: 0 },
        });
      });

      it('reports a team over the services it and its child groups own', async () => {
        const { url } = await seeded();
        const billing = await request(url).get(
          '/v1/dora?owner=billing&window=7d',
        );
        expect(billing.status).toBe(200);
        expect(billing.body.scope).toEqual({
          owner: 'group:default/billing',
          services: ['component:default/admin', 'component:default/billing'],
        });
        // billing's 3 + admin's 1
        expect(billing.body.deployments).toBe(4);

        const engineering = await request(url).get(
          '/v1/dora?owner=group:default/engineering&window=7d',
        );
        expect(engineering.body.scope.services).toEqual([
          'component:default/admin',
          'component:default/auth',
          'component:default/billing',
        ]);
        expect(engineering.body.deployments).toBe(4);
        expect(engineering.body.previous.deployments).toBe(1);
      });

      it('explains a bad window, a missing or double scope, and an unknown owner', async () => {
        const { url } = await setup();
        const window = await request(url).get(
          '/v1/dora?entityRef=billing&window=13d',
        );
        expect(window.status).toBe(400);
        expect(window.body.error.message).toMatch(/7d.*30d.*90d/);
        const neither = await request(url).get('/v1/dora');
        expect(neither.status).toBe(400);
        expect(neither.body.error.message).toMatch(
          /exactly one of entityRef .* or owner/,
        );
        const both = await request(url).get(
          '/v1/dora?entityRef=billing&owner=billing',
        );
        expect(both.status).toBe(400);
        const owner = await request(url).get(
          '/v1/dora?owner=group:default/nobody',
        );
        expect(owner.status).toBe(404);
        expect(owner.body.error.message).toBe(
          'No group group:default/nobody in the catalog',
        );
      });
    });
  });
});
