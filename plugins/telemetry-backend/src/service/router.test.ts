/*
 * The read API checked against its spec: requests and answers go through wrapServer, which
 * fails the test when either disagrees with src/schema/openapi.yaml (all but the span trees).
 */
import { wrapServer } from '@backstage/backend-openapi-utils/testUtils';
import {
  mockErrorHandler,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { onIpv4 } from '@internal/backend-test-kit';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { MetricsSource, RedQuery } from '@internal/plugin-telemetry-node';
import express from 'express';
import request from 'supertest';
import { CatalogGraphCache } from '../catalog/CatalogGraphCache';
import { AggregateReader } from '../database/AggregateReader';
import { GraphReader } from '../database/GraphReader';
import { IngestStore } from '../database/IngestStore';
import { DEFAULT_RETENTION } from '../database/Retention';
import { SampleReader } from '../database/SampleReader';
import { EmbeddedMetricsSource } from '../query/EmbeddedMetricsSource';
import { newSpanId, newTraceId, span } from '../__testUtils__/spans';
import { createRouter } from './router';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'telemetry router on %s',
  databaseId => {
    async function setup(source?: (aggregates: AggregateReader) => MetricsSource) {
      const knex = await databases.init(databaseId);
      const store = await IngestStore.create({
        database: mockServices.database({ knex }),
      });
      const now = Date.now();
      // gateway calls billing once successfully and once with an error.
      const spans = [0, 1].flatMap(i => {
        const traceId = newTraceId();
        const client = span({
          traceId,
          spanId: newSpanId(),
          serviceName: 'api-gateway',
          name: 'POST /v1/invoices',
          kind: 'client',
          startMs: now - 60_000 + i * 1000,
        });
        const server = span({
          traceId,
          parentSpanId: client.spanId,
          serviceName: 'billing',
          name: 'POST /v1/invoices',
          kind: 'server',
          startMs: client.startMs + 1,
          status: i === 1 ? 'error' : 'unset',
        });
        return [client, server];
      });
      await store.ingest(spans);
      const aggregates = new AggregateReader(knex, DEFAULT_RETENTION);
      const router = await createRouter({
        httpAuth: mockServices.httpAuth(),
        aggregates,
        metricsSource: source?.(aggregates) ?? new EmbeddedMetricsSource(aggregates),
        graph: new GraphReader(knex, DEFAULT_RETENTION),
        samples: new SampleReader(knex),
        catalog: new CatalogGraphCache({
          catalog: catalogServiceMock({ entities: [] }),
          auth: mockServices.auth(),
        }),
      });
      const app = express().use(router).use(mockErrorHandler());
      const server = await wrapServer(onIpv4(app));
      return (server.address() as unknown as URL).origin;
    }

    it('answers RED, traces and edges in the shapes the spec declares', async () => {
      const url = await setup();

      const red = await request(url).get('/v1/services/billing/red?window=15m');
      expect(red.status).toBe(200);
      expect(red.body).toMatchObject({
        serviceName: 'billing',
        requests: 2,
        errors: 1,
        errorRate: 0.5,
        source: 'embedded',
      });

      const edges = await request(url).get('/v1/edges?window=15m');
      expect(edges.status).toBe(200);
      expect(edges.body.edges).toEqual([
        expect.objectContaining({ count: 2, errors: 1, declared: false }),
      ]);
    });

    it('refuses a window it does not know, naming the allowed ones', async () => {
      const url = await setup();
      const response = await request(url).get(
        '/v1/services/billing/red?window=13d',
      );
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(
        /window must be equal to one of the allowed values: 15m, 1h, 6h, 24h, 7d/,
      );
    });

    it('reads RED through the installed source and names it', async () => {
      const asked: RedQuery[] = [];
      const figures = (requests: number, errors: number) => ({
        requests,
        errors,
        latencyMs: { p50: 12, p95: 80, p99: requests ? 240 : null },
      });
      const url = await setup(() => ({
        id: 'prometheus',
        count: async () => 0,
        countSeries: async () => [],
        async red(query) {
          asked.push(query);
          return {
            total: figures(40, 4),
            operations: [
              { operation: 'GET /a', ...figures(10, 0) },
              { operation: 'POST /b', ...figures(30, 4) },
            ],
            series: [{ at: query.from, ...figures(0, 0) }],
          };
        },
      }));

      const red = await request(url).get('/v1/services/billing/red?window=1h');
      expect(red.status).toBe(200);
      expect(red.body).toMatchObject({
        serviceName: 'billing',
        requests: 40,
        errors: 4,
        errorRate: 0.1,
        latencyMs: { p50: 12, p95: 80, p99: 240 },
        source: 'prometheus',
      });
      // Busiest operation first; a step without requests has no error rate.
      expect(red.body.operations.map((o: { operation: string }) => o.operation)).toEqual([
        'POST /b',
        'GET /a',
      ]);
      expect(red.body.series).toEqual([
        {
          at: red.body.from,
          requests: 0,
          errors: 0,
          errorRate: null,
          latencyMs: { p50: 12, p95: 80, p99: null },
        },
      ]);
      // The window's range and step, as the source is asked.
      expect(asked).toHaveLength(1);
      expect(asked[0].serviceName).toBe('billing');
      expect(asked[0].to.getTime() - asked[0].from.getTime()).toBe(3_600_000);
      expect(asked[0].stepMs).toBe(60_000);
    });
  },
);
