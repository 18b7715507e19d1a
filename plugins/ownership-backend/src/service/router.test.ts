import { wrapServer } from '@backstage/backend-openapi-utils/testUtils';
import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import express from 'express';
import http from 'node:http';
import request from 'supertest';
import { OwnershipIndex } from '../catalogIndex/OwnershipIndex';
import { HealthSources } from '../health/health';
import { LookupService } from '../lookup/LookupService';
import { CatalogRotationProvider } from '../oncall/CatalogRotationProvider';
import { ORGANISATION } from '../__testUtils__/organisation';
import { createRouter } from './router';
import { AlertEnricher } from '../alerts/AlertEnricher';
import type { AddressInfo } from 'node:net';

jest.setTimeout(60_000);

/** wrapServer's proxy goes to "localhost", which may resolve to IPv6 here: serve IPv4 only. */
function onIpv4(app: express.Express): express.Express {
  const listen = (port: number) =>
    http.createServer(app).listen(port, '127.0.0.1');
  return Object.assign(Object.create(app), { listen });
}

/** A next hop for forwarded alerts on 127.0.0.1: records bodies, answers `status`. */
async function receiver(status = 200) {
  const bodies: any[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', chunk => {
      text += chunk;
    });
    req.on('end', () => {
      bodies.push(JSON.parse(text));
      res.writeHead(status).end();
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, bodies, server };
}

describe('createRouter (checked against openapi.yaml)', () => {
  let url: string;
  let hop: Awaited<ReturnType<typeof receiver>>;
  let forwardUrl: string | undefined;
  const auditor = mockServices.auditor.mock();
  const auditEvent = { success: jest.fn(), fail: jest.fn() };
  auditor.createEvent.mockResolvedValue(auditEvent);

  afterAll(() => hop.server.close());

  beforeAll(async () => {
    hop = await receiver();
    const index = OwnershipIndex.build(ORGANISATION);
    const lookup = new LookupService({
      index: { get: async () => index },
      providers: [new CatalogRotationProvider()],
      health: new HealthSources({
        auth: mockServices.auth(),
        telemetry: {
          getSlos: async ({ query }) => ({
            entityRef: query.entityRef,
            items: [],
            problems: [],
          }),
        },
        timeoutMs: 1000,
      }),
    });
    const router = await createRouter({
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.service(),
      }),
      auditor,
      lookup,
      // The forward URL is read per test (see `forwardUrl`).
      alerts: new AlertEnricher(lookup, {
        get url() {
          return forwardUrl;
        },
        timeoutMs: 2000,
      }),
    });
    const app = express().use(router).use(mockErrorHandler());
    const server = await wrapServer(onIpv4(app));
    url = (server.address() as unknown as URL).origin;
  });

  it('answers a lookup in the spec’s shape', async () => {
    const response = await request(url)
      .get('/v1/lookup')
      .query({ otelServiceName: 'billing-svc' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      entityRef: 'component:default/billing',
      owner: { ref: 'group:default/billing' },
      onCall: { source: 'catalog', primary: 'user:default/sofia-rossi' },
      escalation: [
        'group:default/billing',
        'group:default/engineering',
        'group:default/dataflow',
      ],
      sloReason: 'telemetry: the entity has no SLOs (no strata.dev/slo-file)',
      lastDeployReason: 'the deployments plugin is not installed',
    });
  });

  it('skips health with withHealth=false', async () => {
    const response = await request(url)
      .get('/v1/lookup')
      .query({ topic: 'pipeline.run.created', withHealth: 'false' });
    expect(response.status).toBe(200);
    expect(response.body.entityRef).toBe(
      'resource:default/pipeline-run-created',
    );
    expect(response.body.owner.ref).toBe('group:default/platform');
  });

  it('refuses zero keys, naming the accepted ones', async () => {
    const response = await request(url).get('/v1/lookup');
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      'Give exactly one of entityRef, otelServiceName, k8sWorkload, repository, topic, database; none was given',
    );
  });

  it('refuses two keys, naming them', async () => {
    const response = await request(url)
      .get('/v1/lookup')
      .query({ topic: 'x', database: 'y' });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('got 2: topic, database');
  });

  it('answers 404 saying what was searched', async () => {
    const response = await request(url)
      .get('/v1/lookup')
      .query({ otelServiceName: 'x' });
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe(
      "No Component has strata.dev/otel-service-name or name 'x'; searched namespaces acme, default",
    );
  });

  it('answers 409 for an ambiguous key', async () => {
    const response = await request(url)
      .get('/v1/lookup')
      .query({ otelServiceName: 'search' });
    expect(response.status).toBe(409);
  });

  describe('POST /v1/alertmanager', () => {
    const payload = {
      version: '4',
      groupKey: '{}:{alertname="HighErrorRate"}',
      truncatedAlerts: 0,
      status: 'firing',
      receiver: 'strata',
      groupLabels: { alertname: 'HighErrorRate' },
      commonLabels: { alertname: 'HighErrorRate' },
      commonAnnotations: {},
      externalURL: 'http://alertmanager:9093',
      alerts: [
        {
          status: 'firing',
          labels: { alertname: 'HighErrorRate', service_name: 'billing-svc' },
          annotations: { summary: '5xx above 1%' },
          startsAt: '2026-12-02T08:00:00Z',
          endsAt: '0001-01-01T00:00:00Z',
          generatorURL: 'http://prometheus:9090/graph',
          fingerprint: 'a1',
        },
        {
          status: 'firing',
          labels: {
            alertname: 'PodCrashLooping',
            namespace: 'edge',
            deployment: 'api-gateway',
            cluster: 'prod-eu',
          },
          fingerprint: 'b2',
        },
        {
          status: 'firing',
          labels: { alertname: 'HighErrorRate', service: 'ghost' },
          fingerprint: 'c3',
        },
        {
          status: 'firing',
          labels: { alertname: 'Watchdog' },
          fingerprint: 'd4',
        },
      ],
    };

    beforeEach(() => {
      hop.bodies.length = 0;
      jest.clearAllMocks();
      auditor.createEvent.mockResolvedValue(auditEvent);
    });

    it('enriches every alert, keeps the unknown ones with the reason, forwards, and audits', async () => {
      forwardUrl = hop.url;
      const response = await request(url)
        .post('/v1/alertmanager')
        .send(payload);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        received: 4,
        enriched: 2,
        forwarded: true,
        forwardedTo: hop.url,
        alerts: [
          {
            fingerprint: 'a1',
            lookedUpBy: 'otelServiceName=billing-svc',
            ownership: {
              entityRef: 'component:default/billing',
              onCall: { primary: 'user:default/sofia-rossi' },
            },
          },
          {
            fingerprint: 'b2',
            lookedUpBy: 'k8sWorkload=prod-eu/edge/api-gateway',
            ownership: { owner: { ref: 'group:default/platform' } },
          },
          {
            fingerprint: 'c3',
            lookedUpBy: 'otelServiceName=ghost',
            reason: expect.stringContaining(
              "No Component has strata.dev/otel-service-name or name 'ghost'",
            ),
          },
          {
            fingerprint: 'd4',
            reason: expect.stringContaining('no label to look up'),
          },
        ],
      });
      expect(hop.bodies).toHaveLength(1);
      expect(hop.bodies[0].receiver).toBe('strata');
      expect(
        hop.bodies[0].alerts.map(
          (a: any) => a.ownership.entityRef ?? a.ownership.reason.slice(0, 8),
        ),
      ).toEqual([
        'component:default/billing',
        'component:default/api-gateway',
        'No Compo',
        'no label',
      ]);
      expect(auditor.createEvent).toHaveBeenCalledWith(
        expect.objectContaining({
          eventId: 'alertmanager-forward',
          meta: { alerts: 4, receiver: 'strata' },
        }),
      );
      expect(auditEvent.success).toHaveBeenCalledWith({
        meta: {
          enriched: 2,
          unknown: 2,
          forwarded: true,
          forwardedTo: hop.url,
        },
      });
    });

    it('answers the enrichment without forwarding when no URL is configured', async () => {
      forwardUrl = undefined;
      const response = await request(url)
        .post('/v1/alertmanager')
        .send(payload);
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        forwarded: false,
        reason: 'ownership.alertmanager.forwardUrl is not configured',
      });
      expect(hop.bodies).toEqual([]);
    });

    it('is a 503 naming the next hop when it refuses, and the audit records the failure', async () => {
      const failing = await receiver(500);
      forwardUrl = failing.url;
      try {
        const response = await request(url)
          .post('/v1/alertmanager')
          .send(payload);
        expect(response.status).toBe(503);
        expect(response.body.error.message).toBe(
          `Forwarding the alerts to ${failing.url} answered 500`,
        );
        expect(auditEvent.fail).toHaveBeenCalled();
      } finally {
        failing.server.close();
      }
    });

    it('refuses a payload without alerts (400)', async () => {
      const response = await request(url)
        .post('/v1/alertmanager')
        .send({ version: '4' });
      expect(response.status).toBe(400);
    });
  });
});
