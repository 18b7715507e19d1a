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
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Entity } from '@backstage/catalog-model';
import {
  MetricsSource,
  RedQuery,
  ServicesQuery,
} from '@internal/plugin-telemetry-node';
import express from 'express';
import request from 'supertest';
import { CatalogGraphCache } from '../catalog/CatalogGraphCache';
import { AggregateReader } from '../database/AggregateReader';
import { GraphReader } from '../database/GraphReader';
import { IngestStore } from '../database/IngestStore';
import { DEFAULT_RETENTION } from '../database/Retention';
import { SampleReader } from '../database/SampleReader';
import { EmbeddedMetricsSource } from '../query/EmbeddedMetricsSource';
import { ReceivedSpan } from '../otlp/spans';
import { newSpanId, newTraceId, span } from '../__testUtils__/spans';
import { createRouter } from './router';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'telemetry router on %s',
  databaseId => {
    async function setup(
      source?: (aggregates: AggregateReader) => MetricsSource,
      options: {
        entities?: Entity[];
        /** A catalog of its own (instead of one listing `entities`), read on this clock. */
        catalog?: { service: CatalogService; now: () => number };
        extraSpans?: (now: number) => ReceivedSpan[];
        noSpans?: boolean;
      } = {},
    ) {
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
      if (!options.noSpans)
        await store.ingest([...spans, ...(options.extraSpans?.(now) ?? [])]);
      const aggregates = new AggregateReader(knex, DEFAULT_RETENTION);
      const router = await createRouter({
        httpAuth: mockServices.httpAuth(),
        aggregates,
        metricsSource:
          source?.(aggregates) ?? new EmbeddedMetricsSource(aggregates),
        graph: new GraphReader(knex, DEFAULT_RETENTION),
        samples: new SampleReader(knex),
        catalog: new CatalogGraphCache({
          catalog:
            options.catalog?.service ??
            catalogServiceMock({ entities: options.entities ?? [] }),
          auth: mockServices.auth(),
          now: options.catalog?.now,
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

    it('maps observed services to entities the catalog lists seconds after a start', async () => {
      // The catalog is still ingesting: billing's entity is not listed yet at the first read.
      const listed: Entity[] = [];
      let clock = Date.now();
      const service = {
        getEntities: async () => ({ items: [...listed] }),
      } as unknown as CatalogService;
      const url = await setup(undefined, {
        catalog: { service, now: () => clock },
      });
      const targets = async () =>
        (await request(url).get('/v1/edges?window=15m')).body.edges.map(
          (e: { to: string }) => e.to,
        );
      expect(await targets()).toEqual(['otel:billing']);
      listed.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'billing', namespace: 'default' },
        spec: { type: 'service', lifecycle: 'production', owner: 'group:default/shop' },
      });
      clock += 4_000;
      expect(await targets()).toEqual(['otel:billing']);
      // 5 s after the first read, not a minute.
      clock += 1_000;
      expect(await targets()).toEqual(['component:default/billing']);
      const red = await request(url).get('/v1/services/billing/red?window=15m');
      expect(red.body.entityRef).toBe('component:default/billing');
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
      expect(
        red.body.operations.map((o: { operation: string }) => o.operation),
      ).toEqual(['POST /b', 'GET /a']);
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

    it('lists the services that sent served spans, with their entity or null', async () => {
      const billing: Entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'billing', namespace: 'default' },
        spec: {
          type: 'service',
          lifecycle: 'production',
          owner: 'group:default/billing',
        },
      };
      const url = await setup(undefined, {
        entities: [billing],
        // A service no entity maps to, whose spans pair with nothing.
        extraSpans: now => [
          span({
            serviceName: 'legacy-cron',
            name: 'nightly',
            kind: 'consumer',
            startMs: now - 30_000,
          }),
        ],
      });

      const res = await request(url).get('/v1/services?window=15m');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        window: '15m',
        source: 'embedded',
        items: [
          {
            serviceName: 'billing',
            entityRef: 'component:default/billing',
            spans: 2,
            errors: 1,
            lastSeen: expect.any(String),
          },
          {
            serviceName: 'legacy-cron',
            entityRef: null,
            spans: 1,
            errors: 0,
            lastSeen: expect.any(String),
          },
        ],
      });
      // api-gateway sent only client spans: it served nothing, so RED and this list leave it out.
      expect(Date.now() - Date.parse(res.body.items[0].lastSeen)).toBeLessThan(
        5 * 60_000,
      );
      // Without a window: the last hour.
      const byDefault = await request(url).get('/v1/services');
      expect(byDefault.status).toBe(200);
      expect(byDefault.body.window).toBe('1h');
      expect(byDefault.body.items).toHaveLength(2);
    });

    it('answers an empty list when no span arrived, and refuses an unknown window', async () => {
      const url = await setup(undefined, { noSpans: true });
      const res = await request(url).get('/v1/services?window=7d');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ window: '7d', source: 'embedded', items: [] });
      const bad = await request(url).get('/v1/services?window=2w');
      expect(bad.status).toBe(400);
    });

    it('lists services from the installed source when it has a list, from the embedded aggregates when not', async () => {
      const asked: ServicesQuery[] = [];
      const fake = (withList: boolean): MetricsSource => ({
        id: 'prometheus',
        count: async () => 0,
        countSeries: async () => [],
        red: async () => {
          throw new Error('not asked');
        },
        ...(withList && {
          async services(query: ServicesQuery) {
            asked.push(query);
            return [
              {
                serviceName: 'billing',
                spans: 7,
                errors: 2,
                lastSeen: new Date('2026-12-02T10:00:00Z'),
              },
            ];
          },
        }),
      });

      const withList = await request(await setup(() => fake(true))).get(
        '/v1/services?window=24h',
      );
      expect(withList.body).toEqual({
        window: '24h',
        source: 'prometheus',
        items: [
          {
            serviceName: 'billing',
            entityRef: null,
            spans: 7,
            errors: 2,
            lastSeen: '2026-12-02T10:00:00.000Z',
          },
        ],
      });
      expect(asked).toHaveLength(1);
      expect(asked[0].to.getTime() - asked[0].from.getTime()).toBe(
        24 * 3_600_000,
      );
      expect(asked[0].stepMs).toBe(3_600_000);

      const without = await request(await setup(() => fake(false))).get(
        '/v1/services?window=15m',
      );
      expect(without.body).toMatchObject({
        source: 'embedded',
        items: [{ serviceName: 'billing', spans: 2, errors: 1 }],
      });
    });
  },
);
