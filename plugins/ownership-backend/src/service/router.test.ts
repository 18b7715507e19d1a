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

jest.setTimeout(60_000);

/** wrapServer's proxy goes to "localhost", which may resolve to IPv6 here: serve IPv4 only. */
function onIpv4(app: express.Express): express.Express {
  const listen = (port: number) =>
    http.createServer(app).listen(port, '127.0.0.1');
  return Object.assign(Object.create(app), { listen });
}

describe('createRouter (checked against openapi.yaml)', () => {
  let url: string;

  beforeAll(async () => {
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
      lookup,
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
});
