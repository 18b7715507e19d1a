/*
 * The plugin as the backend runs it, fed by the real OpenTelemetry JS SDK: its OTLP exporters
 * (protobuf and JSON, gzip on and off) post to the receiver over HTTP on 127.0.0.1 with a
 * static token restricted to this plugin (backend.auth.externalAccess), checked by Backstage's
 * own auth services. Then the read API must show what was sent.
 */
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import {
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { Knex } from 'knex';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import request from 'supertest';
import { CATALOG } from './__testUtils__/catalogFixture';
import { exportFlowsWithSdk, postRaw } from './__testUtils__/http';
import { sdkOrderFlowSpans } from './__testUtils__/sdkSpans';
import { telemetryPlugin } from './plugin';

jest.setTimeout(90_000);

const TOKEN = 'otlp-exporter-token-for-the-tests-0123';
const OTHER_TOKEN = 'other-plugin-token-for-the-tests-0123';

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

async function startBackend(knex: Knex, config: Record<string, unknown> = {}) {
  const { server } = await startTestBackend({
    features: [
      telemetryPlugin,
      catalogServiceMock.factory({ entities: CATALOG }),
      mockServices.database.factory({ knex }),
      mockServices.scheduler.factory(),
      authServiceFactory,
      httpAuthServiceFactory,
      mockServices.rootConfig.factory({
        data: {
          backend: {
            auth: {
              externalAccess: [
                {
                  type: 'static',
                  options: { token: TOKEN, subject: 'otel-collector' },
                  accessRestrictions: [{ plugin: 'telemetry' }],
                },
                {
                  type: 'static',
                  options: { token: OTHER_TOKEN, subject: 'ci' },
                  accessRestrictions: [{ plugin: 'catalog' }],
                },
              ],
            },
          },
          telemetry: {
            traceUrlTemplate: 'https://jaeger.example.com/trace/{traceId}',
            ...config,
          },
        },
      }),
    ],
  });
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/api/telemetry` };
}

const auth = { authorization: `Bearer ${TOKEN}` };

/** The flows every test sends: 6 gateway → orders requests a minute ago, 2 of them failing. */
function flows(startMs: number) {
  return Array.from({ length: 6 }, (_, i) => ({
    startMs: startMs + i * 100,
    gatewayMs: 40 + i * 10,
    ordersMs: 20 + i * 5,
    failing: i % 3 === 0,
  }));
}

/** Streams `total` bytes of junk; stops writing once the server has answered or hung up. */
function sendLarge(url: string, total: number, declareLength: boolean) {
  return new Promise<{ status?: number; sent: number }>(resolve => {
    let sent = 0;
    let status: number | undefined;
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        resolve({ status, sent });
      }
    };
    const req = http.request(url, {
      method: 'POST',
      headers: {
        ...auth,
        'content-type': 'application/x-protobuf',
        ...(declareLength ? { 'content-length': String(total) } : { 'transfer-encoding': 'chunked' }),
      },
    });
    req.on('response', res => {
      status = res.statusCode;
      res.resume();
      res.on('end', finish);
      res.on('error', finish);
    });
    req.on('error', finish);
    req.on('close', () => setTimeout(finish, 100));
    const chunk = Buffer.alloc(64 * 1024, 1);
    const pump = () => {
      while (sent < total && status === undefined && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (sent >= total) req.end();
    };
    pump();
  });
}

async function red(server: http.Server, serviceName: string) {
  const res = await request(server)
    .get(`/api/telemetry/v1/services/${serviceName}/red?window=15m`)
    .set(auth);
  expect(res.status).toBe(200);
  return res.body;
}

describe.each(databases.eachSupportedId())('telemetryPlugin on %s', (databaseId: TestDatabaseId) => {
  let knex: Knex;
  beforeEach(async () => {
    knex = await databases.init(databaseId);
  });

  it.each([
    ['protobuf', 'none'],
    ['protobuf', 'gzip'],
    ['json', 'none'],
    ['json', 'gzip'],
  ] as const)(
    'takes real SDK exports (%s, compression %s) and shows them as RED, edges and traces',
    async (encoding, compression) => {
      const { server, url } = await startBackend(knex);
      // The orders spans and the gateway's spans in separate exports, as two services would.
      const results = await exportFlowsWithSdk({
        url: `${url}/v1/traces`,
        token: TOKEN,
        encoding,
        compression,
        flows: flows(Date.now() - 60_000),
      });
      // ExportResultCode.SUCCESS (0) for both, no error.
      expect(results).toEqual([{ code: 0 }, { code: 0 }]);

      const orders = await red(server, 'orders');
      expect(orders).toMatchObject({
        serviceName: 'orders',
        entityRef: 'component:default/order-service',
        requests: 6,
        errors: 2,
        errorRate: 2 / 6,
        source: 'embedded',
      });
      // orders server spans last 20…45 ms: p50 about 30, p99 at most the 50 ms bound.
      expect(orders.latencyMs.p50).toBeGreaterThan(20);
      expect(orders.latencyMs.p50).toBeLessThan(40);
      expect(orders.latencyMs.p99).toBeLessThanOrEqual(50);
      expect(orders.operations).toEqual([
        expect.objectContaining({ operation: 'GET /orders/{id}', requests: 6, errors: 2 }),
      ]);
      expect(orders.series.reduce((n: number, p: { requests: number }) => n + p.requests, 0)).toBe(6);
      const gateway = await red(server, 'gateway');
      expect(gateway).toMatchObject({ entityRef: 'component:default/gateway', requests: 6, errors: 0 });

      const edges = await request(server).get('/api/telemetry/v1/edges?window=15m').set(auth);
      expect(edges.status).toBe(200);
      const shown = edges.body.edges.map(
        (e: { from: string; to: string; kind: string; count: number; errors: number; declared: boolean }) =>
          `${e.from} → ${e.to} ${e.kind} ×${e.count} (${e.errors} failed) ${e.declared ? 'declared' : 'undeclared'}`,
      );
      expect(shown.sort()).toEqual([
        'component:default/gateway → component:default/order-service http ×6 (2 failed) declared',
        'component:default/order-service → resource:default/orders-created messaging ×6 (0 failed) declared',
        'component:default/order-service → resource:default/shop database ×6 (0 failed) undeclared',
      ]);
      // gateway also consumes billing's API, but billing sent no spans: nothing to compare with.
      expect(edges.body.neverObserved).toEqual([]);

      const traces = await request(server).get('/api/telemetry/v1/services/orders/traces').set(auth);
      expect(traces.status).toBe(200);
      expect(traces.body.failing).toHaveLength(2);
      const failing = traces.body.failing[0];
      expect(failing.url).toBe(`https://jaeger.example.com/trace/${failing.traceId}`);
      expect(failing.root).toMatchObject({ serviceName: 'gateway', name: 'GET /orders', kind: 'server' });
      expect(failing.root.children[0]).toMatchObject({ name: 'GET', kind: 'client' });
      expect(failing.root.children[0].children[0]).toMatchObject({
        serviceName: 'orders',
        status: 'error',
        statusMessage: 'upstream timeout',
        attributes: expect.objectContaining({ 'exception.message': 'inventory timed out' }),
      });
    },
  );

  it('counts a retried batch once, and keeps counting after a restart on the same database', async () => {
    const first = await startBackend(knex);
    const spans = await sdkOrderFlowSpans(flows(Date.now() - 60_000));
    const body = Buffer.from(ProtobufTraceSerializer.serializeRequest(spans)!);
    const post = (server: http.Server, b: Buffer) =>
      request(server)
        .post('/api/telemetry/v1/traces')
        .set(auth)
        .set('content-type', 'application/x-protobuf')
        .send(b);
    expect((await post(first.server, body)).status).toBe(200);
    expect((await post(first.server, body)).status).toBe(200);
    expect((await red(first.server, 'orders')).requests).toBe(6);

    // A new backend on the same database, as after a restart: nothing lost, nothing doubled.
    const second = await startBackend(knex);
    expect((await red(second.server, 'orders')).requests).toBe(6);
    expect((await post(second.server, body)).status).toBe(200);
    const more = Buffer.from(
      ProtobufTraceSerializer.serializeRequest(await sdkOrderFlowSpans(flows(Date.now() - 30_000)))!,
    );
    expect((await post(second.server, more)).status).toBe(200);
    expect((await red(second.server, 'orders')).requests).toBe(12);

    // SLO status is served from the same router (src/slo): no slo-file, no SLOs.
    const slos = await request(second.server)
      .get('/api/telemetry/v1/slos?entityRef=component:default/gateway')
      .set(auth);
    expect(slos.status).toBe(200);
    expect(slos.body).toEqual({ entityRef: 'component:default/gateway', items: [], problems: [] });
  });

  it('rejects spans from the future and past the retention, saying why, and stores the rest', async () => {
    const { server, url } = await startBackend(knex);
    const spans = await sdkOrderFlowSpans([
      { startMs: Date.now() - 60_000, gatewayMs: 40, ordersMs: 20 },
      { startMs: Date.now() + 3_600_000, gatewayMs: 40, ordersMs: 20 },
      { startMs: Date.now() - 3 * 24 * 3_600_000, gatewayMs: 40, ordersMs: 20 },
    ]);
    const json = Buffer.from(JsonTraceSerializer.serializeRequest(spans)!);
    const res = await postRaw(`${url}/v1/traces`, { ...auth, 'content-type': 'application/json' }, json);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString())).toEqual({
      partialSuccess: {
        rejectedSpans: 10,
        errorMessage:
          "10 of 15 spans rejected — 5 spans: ends more than 5 minutes in the future (is the sender's clock right?); 5 spans: ended before the retention window (older than 2d)",
      },
    });
    expect((await red(server, 'orders')).requests).toBe(1);
  });

  it('answers bad requests as OTLP says: 400, 401/403, 413 without reading the body, 415', async () => {
    const { server, url } = await startBackend(knex, { receiver: { maxBodyBytes: 1024 * 1024 } });
    const post = () => request(server).post('/api/telemetry/v1/traces');

    const garbage = await post()
      .set(auth)
      .set('content-type', 'application/x-protobuf')
      .send(Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01]));
    expect(garbage.status).toBe(400);
    expect(garbage.type).toBe('application/x-protobuf');
    const notJson = await post().set(auth).set('content-type', 'application/json').send('{"resourceSpans": [');
    expect(notJson.status).toBe(400);
    expect(notJson.body.message).toMatch(/^Malformed OTLP json: not JSON/);
    const wrongShape = await post().set(auth).set('content-type', 'application/json').send({ resourceSpans: 'all of them' });
    expect(wrongShape.body).toMatchObject({ code: 3, message: 'Malformed OTLP json: resourceSpans: must be an array' });
    const badGzip = await postRaw(
      `${url}/v1/traces`,
      { ...auth, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      Buffer.from('not gzip'),
    );
    expect(badGzip.status).toBe(400);
    expect(JSON.parse(badGzip.body.toString()).message).toMatch(/^The gzip body is corrupt/);

    const text = await post().set(auth).set('content-type', 'text/plain').send('hello');
    expect(text.status).toBe(415);
    expect(text.body.message).toBe('Content-Type must be application/x-protobuf or application/json, not text/plain');
    expect((await post().set('content-type', 'application/json').send({})).status).toBe(401);
    expect(
      (await post().set('authorization', `Bearer ${OTHER_TOKEN}`).set('content-type', 'application/json').send({})).status,
    ).toBe(403);

    // A zip bomb: 20 MiB of zeros gzip to ~20 KiB; past maxDecompressedBytes it is refused.
    const bomb = zlib.gzipSync(Buffer.alloc(80 * 1024 * 1024));
    const bombed = await postRaw(
      `${url}/v1/traces`,
      { ...auth, 'content-type': 'application/json', 'content-encoding': 'gzip' },
      bomb,
    );
    expect(bombed.status).toBe(413);
    expect(JSON.parse(bombed.body.toString()).message).toMatch(/inflates to more than 64 MiB/);

    // 50 MB streamed without a Content-Length: answered 413 after the first MiB, and the
    // connection is closed instead of reading the rest.
    const streamed = await sendLarge(`${url}/v1/traces`, 50 * 1024 * 1024, false);
    expect(streamed.status).toBe(413);
    expect(streamed.sent).toBeLessThan(50 * 1024 * 1024);
    // 50 MB with a declared Content-Length: 413 before the body is read.
    const declared = await sendLarge(`${url}/v1/traces`, 50 * 1024 * 1024, true);
    expect(declared.status).toBe(413);
    expect(declared.sent).toBeLessThan(50 * 1024 * 1024);
  });

  it('answers 503 with Retry-After when the database is gone, and keeps running', async () => {
    const { server, url } = await startBackend(knex);
    await knex.destroy();
    const spans = await sdkOrderFlowSpans(flows(Date.now() - 60_000));
    const res = await postRaw(
      `${url}/v1/traces`,
      { ...auth, 'content-type': 'application/json' },
      Buffer.from(JsonTraceSerializer.serializeRequest(spans)!),
    );
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('10');
    expect(JSON.parse(res.body.toString())).toMatchObject({ code: 14, message: 'The telemetry store is not available; retry later' });
    // Still serving: a request that needs no database is answered.
    const text = await request(server).post('/api/telemetry/v1/traces').set(auth).set('content-type', 'text/plain').send('x');
    expect(text.status).toBe(415);
  });
});
