import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { CacheService } from '@backstage/backend-plugin-api';
import express from 'express';
import request from 'supertest';
import { CatalogGeneration } from './generation';
import { createQueryCacheMiddleware } from './middleware';

/** A cache over a Map, recording what was stored; `broken` makes every call fail. */
function mapCache(broken: boolean | 'hangs' = false) {
  const map = new Map<string, unknown>();
  const fail = async () => {
    throw new Error('cache unreachable');
  };
  const cache = {
    get:
      broken === 'hangs'
        ? () => new Promise(() => {})
        : (broken && fail) || (async (key: string) => map.get(key)),
    set: broken
      ? async () => {
          if (broken === 'hangs') await new Promise(() => {});
          await fail();
        }
      : async (key: string, value: unknown) => {
          map.set(key, value);
        },
    delete: async (key: string) => {
      map.delete(key);
    },
    withOptions: () => cache,
  } as unknown as CacheService;
  return { cache, map };
}

/**
 * The middleware in front of a stand-in catalog router: /entity-facets answers with res.json,
 * /entities/by-query streams its items with res.write as the catalog does, /other is not cached.
 */
function app(options: {
  cache: CacheService;
  generation: () => CatalogGeneration;
  maxEntryBytes?: number;
  onCompute?: () => void;
  cacheReadTimeoutMs?: number;
}) {
  const calls = { facets: 0, query: 0 };
  const server = express();
  server.use(
    createQueryCacheMiddleware({
      cache: options.cache,
      httpAuth: mockServices.httpAuth({
        defaultCredentials: mockCredentials.user(),
      }),
      generation: { current: async () => options.generation() },
      logger: mockServices.logger.mock(),
      ttlMs: 60_000,
      maxEntryBytes: options.maxEntryBytes ?? 1024,
      cacheReadTimeoutMs: options.cacheReadTimeoutMs,
    }),
  );
  server.get('/entity-facets', (_req, res) => {
    calls.facets++;
    options.onCompute?.();
    res.json({
      facets: { kind: [{ value: 'component', count: calls.facets }] },
    });
  });
  server.get('/entities/by-query', (req, res) => {
    calls.query++;
    const n = Number(req.query.n ?? 2);
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.write('{"items":');
    for (let i = 0; i < n; i++) res.write(`${i ? ',' : '['}{"i":${i}}`);
    res.end(`${n ? '' : '['}],"totalItems":${n}}`);
  });
  server.get('/other', (_req, res) => {
    res.json({ ok: true });
  });
  return { server, calls };
}

const settled = (id = 'g1'): CatalogGeneration => ({ id, settled: true });

describe('createQueryCacheMiddleware', () => {
  it('stores a streamed list page whole and answers the repeat from it', async () => {
    const { cache, map } = mapCache();
    const { server, calls } = app({ cache, generation: () => settled() });
    const miss = await request(server).get('/entities/by-query?n=3');
    expect(miss.headers['x-strata-cache']).toBe('miss');
    expect(miss.body).toEqual({
      items: [{ i: 0 }, { i: 1 }, { i: 2 }],
      totalItems: 3,
    });
    const hit = await request(server).get('/entities/by-query?n=3');
    expect(hit.headers['x-strata-cache']).toBe('hit');
    expect(hit.text).toBe(miss.text);
    expect(calls.query).toBe(1);
    expect(map.size).toBe(1);
  });

  it('does not store an answer larger than maxEntryBytes', async () => {
    const { cache, map } = mapCache();
    const { server, calls } = app({
      cache,
      generation: () => settled(),
      maxEntryBytes: 100,
    });
    for (let i = 0; i < 2; i++) {
      const res = await request(server).get('/entities/by-query?n=20');
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(20);
      expect(res.headers['x-strata-cache']).toBe('miss');
    }
    expect(calls.query).toBe(2);
    expect(map.size).toBe(0);
  });

  it('stores nothing while the catalog is stitching, nor when it changed during the request', async () => {
    const { cache, map } = mapCache();
    let generation: CatalogGeneration = { id: 'g1', settled: false };
    const unsettled = app({ cache, generation: () => generation });
    await request(unsettled.server).get('/entity-facets');
    await request(unsettled.server).get('/entity-facets');
    expect(unsettled.calls.facets).toBe(2);
    expect(map.size).toBe(0);

    generation = settled('g2');
    const changing = app({
      cache,
      generation: () => generation,
      onCompute: () => {
        generation = settled('g3');
      },
    });
    await request(changing.server).get('/entity-facets');
    expect(map.size).toBe(0);
  });

  it('serves an entry only at the generation it was computed at', async () => {
    const { cache } = mapCache();
    let generation = settled('g1');
    const { server, calls } = app({ cache, generation: () => generation });
    await request(server).get('/entity-facets');
    expect(
      (await request(server).get('/entity-facets')).headers['x-strata-cache'],
    ).toBe('hit');
    generation = settled('g2');
    const after = await request(server).get('/entity-facets');
    expect(after.headers['x-strata-cache']).toBe('miss');
    expect(after.body.facets.kind[0].count).toBe(2);
    expect(calls.facets).toBe(2);
  });

  it('answers through the catalog when the cache fails', async () => {
    const { cache } = mapCache(true);
    const { server, calls } = app({ cache, generation: () => settled() });
    for (let i = 0; i < 2; i++) {
      const res = await request(server).get('/entity-facets');
      expect(res.status).toBe(200);
      expect(res.headers['x-strata-cache']).toBe('miss');
    }
    expect(calls.facets).toBe(2);
  });

  it('answers through the catalog when a cache read does not answer in time', async () => {
    const { cache } = mapCache('hangs');
    const { server, calls } = app({
      cache,
      generation: () => settled(),
      cacheReadTimeoutMs: 50,
    });
    const res = await request(server).get('/entity-facets');
    expect(res.status).toBe(200);
    expect(res.headers['x-strata-cache']).toBe('miss');
    expect(res.body.facets.kind[0].count).toBe(1);
    expect(calls.facets).toBe(1);
  });

  it('leaves other routes and methods alone', async () => {
    const { cache, map } = mapCache();
    const { server } = app({ cache, generation: () => settled() });
    const other = await request(server).get('/other');
    expect(other.status).toBe(200);
    expect(other.headers['x-strata-cache']).toBeUndefined();
    const post = await request(server).post('/entity-facets');
    expect(post.status).toBe(404);
    expect(post.headers['x-strata-cache']).toBeUndefined();
    expect(map.size).toBe(0);
  });
});
