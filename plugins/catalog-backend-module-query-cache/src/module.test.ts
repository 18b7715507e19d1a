/*
 * The real catalog with this module on SQLite and PostgreSQL (same test titles on both): the
 * module's handler sits in front of the catalog's router, a repeated request is answered from the
 * cache without the catalog running a query, answers stay per caller, a change to the catalog
 * makes the next request a miss with the new answer, errors are never cached, and with
 * `catalog.queryCache.enabled: false` nothing is.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { waitFor } from '@internal/backend-test-kit';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { Knex } from 'knex';
import queryCacheModule, { PROBE_INDEX } from './index';

const component = (name: string, type: string) => `---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
spec:
  type: ${type}
  lifecycle: production
  owner: group:default/team-a
`;

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const ids = databases.eachSupportedId().map(([id]) => id);

const FACETS =
  '/api/catalog/entity-facets?facet=spec.type&facet=spec.lifecycle&filter=kind=component';
const LIST =
  '/api/catalog/entities/by-query?filter=kind=component&orderField=metadata.name,asc&limit=2';
const ALICE = mockCredentials.user.header('user:default/alice');
const BOB = mockCredentials.user.header('user:default/bob');

async function startCatalog(
  databaseId: TestDatabaseId,
  dir: string,
  queryCache?: { enabled?: boolean; ttl?: { seconds: number } },
) {
  const file = path.join(dir, 'catalog-info.yaml');
  fs.writeFileSync(
    file,
    [
      component('orders', 'service'),
      component('billing', 'service'),
      component('search', 'library'),
    ].join(''),
  );
  const knex = await databases.init(databaseId);
  const statements: string[] = [];
  knex.on('query', (q: { sql: string }) => statements.push(q.sql));
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      queryCacheModule,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            processingInterval: { seconds: 1 },
            rules: [{ allow: ['Component', 'Location'] }],
            locations: [{ type: 'file', target: file }],
            ...(queryCache && { queryCache }),
          },
        },
      }),
    ],
  });
  const get = (url: string, auth = ALICE) =>
    request(backend.server).get(url).set('Authorization', auth);
  await waitFor(
    async () => {
      // GET /entities: a list route this module does not cache.
      const res = await get('/api/catalog/entities?filter=kind=component');
      return res.status === 200 && res.body.length === 3 ? true : undefined;
    },
    'the three components stitched',
    { timeoutMs: 90_000 },
  );
  return { file, knex, backend, statements, get };
}

type Catalog = Awaited<ReturnType<typeof startCatalog>>;

async function finalEntitiesIndexes(knex: Knex): Promise<string[]> {
  if (String(knex.client.config.client).includes('sqlite')) {
    return knex('sqlite_master')
      .where({ type: 'index', tbl_name: 'final_entities' })
      .pluck('name');
  }
  const { rows } = await knex.raw(
    "SELECT indexname FROM pg_indexes WHERE tablename = 'final_entities'",
  );
  return rows.map((r: { indexname: string }) => r.indexname);
}

/** Requests `url` until the answer is a hit: the catalog's stitching has settled. */
async function untilHit(catalog: Catalog, url: string, auth = ALICE) {
  return waitFor(
    async () => {
      const res = await catalog.get(url, auth);
      return res.headers['x-strata-cache'] === 'hit' ? res : undefined;
    },
    `a cache hit for ${url}`,
    { timeoutMs: 60_000 },
  );
}

describe.each(ids)('query-cache in the catalog on %s', databaseId => {
  let dir: string;
  let catalog: Catalog;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'query-cache-'));
    catalog = await startCatalog(databaseId, dir);
    // Right after start the catalog may still stitch: nothing is stored until it has settled.
    await untilHit(catalog, '/api/catalog/entity-facets?facet=kind');
  });
  afterAll(async () => {
    await catalog?.backend.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('creates the probe index once the catalog has created its tables', async () => {
    expect(await finalEntitiesIndexes(catalog.knex)).toContain(PROBE_INDEX);
  });

  it('answers a repeated facets request from the cache, with the same body and no catalog query', async () => {
    const miss = await catalog.get(FACETS);
    expect(miss.status).toBe(200);
    expect(miss.headers['x-strata-cache']).toBe('miss');
    expect(miss.body.facets['spec.type']).toEqual(
      expect.arrayContaining([
        { value: 'service', count: 2 },
        { value: 'library', count: 1 },
      ]),
    );

    catalog.statements.length = 0;
    const hit = await catalog.get(FACETS);
    expect(hit.status).toBe(200);
    expect(hit.headers['x-strata-cache']).toBe('hit');
    expect(hit.headers['content-type']).toBe(miss.headers['content-type']);
    expect(hit.text).toBe(miss.text);
    // No read of the stitched entities or their search rows (the catalog's processing loop runs
    // on in the background, and the generation probe, at most once a second, reads the stitch
    // queue): the catalog's own router, behind this module's handler, was not reached.
    expect(
      catalog.statements.filter(
        sql =>
          /\b(search|final_entities)\b/.test(sql) &&
          !sql.includes('stitch_queue'),
      ),
    ).toEqual([]);
  });

  it('caches list pages and their cursor pages', async () => {
    const first = await catalog.get(LIST);
    expect(first.status).toBe(200);
    expect(first.headers['x-strata-cache']).toBe('miss');
    expect(first.body.totalItems).toBe(3);
    expect(first.body.items.map((e: any) => e.metadata.name)).toEqual([
      'billing',
      'orders',
    ]);
    const again = await catalog.get(LIST);
    expect(again.headers['x-strata-cache']).toBe('hit');
    expect(again.text).toBe(first.text);

    const cursor = first.body.pageInfo.nextCursor as string;
    expect(cursor).toEqual(expect.any(String));
    const nextUrl = `/api/catalog/entities/by-query?cursor=${encodeURIComponent(
      cursor,
    )}`;
    const second = await catalog.get(nextUrl);
    expect(second.headers['x-strata-cache']).toBe('miss');
    expect(second.body.items.map((e: any) => e.metadata.name)).toEqual([
      'search',
    ]);
    const secondAgain = await catalog.get(nextUrl);
    expect(secondAgain.headers['x-strata-cache']).toBe('hit');
    expect(secondAgain.text).toBe(second.text);
  });

  it('never serves one caller the answer computed for another', async () => {
    const url = `${FACETS}&facet=metadata.name`;
    expect((await catalog.get(url, ALICE)).headers['x-strata-cache']).toBe(
      'miss',
    );
    expect((await catalog.get(url, ALICE)).headers['x-strata-cache']).toBe(
      'hit',
    );
    const bob = await catalog.get(url, BOB);
    expect(bob.status).toBe(200);
    expect(bob.headers['x-strata-cache']).toBe('miss');
    const service = await catalog.get(url, mockCredentials.service.header());
    expect(service.status).toBe(200);
    expect(service.headers['x-strata-cache']).toBe('miss');
    expect((await catalog.get(url, BOB)).headers['x-strata-cache']).toBe('hit');
    expect((await catalog.get(url, ALICE)).headers['x-strata-cache']).toBe(
      'hit',
    );
  });

  it('after an entity is added, the next request is a miss with the new answer', async () => {
    const before = await untilHit(catalog, FACETS);
    expect(before.body.facets['spec.type']).not.toContainEqual(
      expect.objectContaining({ value: 'website' }),
    );
    const list = await untilHit(catalog, LIST);
    expect(list.body.totalItems).toBe(3);

    fs.appendFileSync(catalog.file, component('storefront', 'website'));
    await waitFor(
      async () => {
        const res = await catalog.get(
          '/api/catalog/entities/by-name/component/default/storefront',
        );
        return res.status === 200 ? true : undefined;
      },
      'storefront stitched',
      { timeoutMs: 60_000 },
    );
    // The generation is read at most once a second: past that, every answer sees the change.
    await new Promise(resolve => setTimeout(resolve, 1100));

    const after = await catalog.get(FACETS);
    expect(after.headers['x-strata-cache']).toBe('miss');
    expect(after.body.facets['spec.type']).toContainEqual({
      value: 'website',
      count: 1,
    });
    const listAfter = await catalog.get(LIST);
    expect(listAfter.headers['x-strata-cache']).toBe('miss');
    expect(listAfter.body.totalItems).toBe(4);

    // Once the catalog has settled again, the new answer is cached in its turn.
    const again = await untilHit(catalog, FACETS);
    expect(again.body).toEqual(after.body);
  });

  it('never caches an error', async () => {
    const url =
      '/api/catalog/entities/by-query?filter=kind=component&orderField=metadata.name,sideways';
    for (let i = 0; i < 3; i++) {
      const res = await catalog.get(url);
      expect(res.status).toBe(400);
      expect(res.headers['x-strata-cache']).toBe('miss');
    }
  });

  it('with catalog.queryCache.enabled false, caches nothing', async () => {
    const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'query-cache-off-'));
    const off = await startCatalog(databaseId, otherDir, { enabled: false });
    try {
      const first = await off.get(FACETS);
      // Long enough for a settled generation, were the cache on.
      await new Promise(resolve => setTimeout(resolve, 1500));
      for (let i = 0; i < 3; i++) {
        const res = await off.get(FACETS);
        expect(res.status).toBe(200);
        expect(res.headers['x-strata-cache']).toBeUndefined();
        expect(res.body).toEqual(first.body);
      }
    } finally {
      await off.backend.stop();
      fs.rmSync(otherDir, { recursive: true, force: true });
    }
  });
});
