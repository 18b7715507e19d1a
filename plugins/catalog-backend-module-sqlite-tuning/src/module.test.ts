/*
 * The real catalog with this module on SQLite and PostgreSQL: on SQLite the partial indexes
 * exist after startup, the connection settings are on, and the catalog's own relation query
 * (captured as it runs) is planned on the index as written and on the search index as rewritten;
 * filtered answers (also negated, through POST /entities/by-query) are right on both databases.
 * On PostgreSQL nothing is created.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { waitFor } from '@internal/backend-test-kit';
import { Knex } from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import sqliteTuningModule from './index';
import { SQLITE_QUERY_INDEXES } from './queryIndexes';
import { rewriteFilterQuery } from './filterQueryShape';
import { rewriteReferenceDelete } from './referenceDeleteShape';

const component = (name: string, dependsOn: string[]) => `---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
spec:
  type: service
  lifecycle: production
  owner: group:default/team-a
  dependsOn: [${dependsOn.join(', ')}]
`;
const resource = (name: string) => `---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: ${name}
spec:
  type: database
  owner: group:default/team-a
`;

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const ids = databases.eachSupportedId().map(([id]) => id);

const BY_QUERY =
  '/api/catalog/entities/by-query?filter=relations.dependsOn=resource:default/orders-db';

/** A real catalog with this module on a fresh database, reading a file with five entities. */
async function startCatalog(databaseId: TestDatabaseId, dir: string) {
  const file = path.join(dir, 'catalog-info.yaml');
  fs.writeFileSync(
    file,
    [
      component('orders', ['resource:default/orders-db']),
      component('billing', [
        'resource:default/billing-db',
        'resource:default/orders-db',
      ]),
      component('search', []),
      resource('orders-db'),
      resource('billing-db'),
    ].join(''),
  );
  const knex = await databases.init(databaseId);
  const statements: { sql: string; bindings: unknown[] }[] = [];
  knex.on('query', (q: { sql: string; bindings?: unknown[] }) =>
    statements.push({ sql: q.sql, bindings: q.bindings ?? [] }),
  );
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      sqliteTuningModule,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          catalog: {
            processingInterval: { seconds: 1 },
            rules: [{ allow: ['Component', 'Resource', 'Location'] }],
            locations: [{ type: 'file', target: file }],
          },
        },
      }),
    ],
  });
  const refsOf = async (url: string) => {
    const res = await request(backend.server)
      .get(url)
      .set('Authorization', mockCredentials.user.header());
    if (res.status !== 200) {
      throw new Error(`${url}: HTTP ${res.status} ${res.text}`);
    }
    const items = (res.body.items ?? res.body) as Entity[];
    return items.map(e => stringifyEntityRef(e)).sort();
  };
  await waitFor(
    async () => ((await refsOf(BY_QUERY)).length === 2 ? true : undefined),
    'both dependents of orders-db stitched',
    { timeoutMs: 90_000 },
  );
  return { knex, backend, statements, refsOf };
}

type StartedCatalog = Awaited<ReturnType<typeof startCatalog>>;

async function tunedOnSqlite(catalog: StartedCatalog) {
  const { knex, statements, refsOf } = catalog;
  const indexes = await knex('sqlite_master')
    .where({ type: 'index', tbl_name: 'final_entities' })
    .pluck('name');
  expect(indexes).toEqual(
    expect.arrayContaining(SQLITE_QUERY_INDEXES.map(i => i.name)),
  );
  const [sync] = await knex.raw('PRAGMA synchronous');
  expect(sync.synchronous).toBe(1);

  // The per-entity reference delete, as the catalog ran it while processing: the text the
  // rewrite knows, and what SQLite then plans: the index on source_entity_ref, no table scan.
  const referenceDelete = statements.find(
    s =>
      s.sql.startsWith('delete from `refresh_state_references`') &&
      s.sql.endsWith(' or 1 = ?'),
  );
  expect(referenceDelete).toBeDefined();

  // The catalog's own statement for the by-query request, planned by SQLite.
  statements.length = 0;
  await refsOf(BY_QUERY);
  const relationQuery = statements.find(
    s =>
      /from `final_entities`/.test(s.sql) &&
      /exists \(select 1 from `search` as `search_flt`/.test(s.sql) &&
      /limit \?/.test(s.sql),
  );
  expect(relationQuery).toBeDefined();
  // As the catalog writes it ('query' events show the SQL before the connection's rewrite; a
  // space after the parenthesis keeps the rewrite's exact match off and SQLite's plan the same):
  // the partial index at least keeps the scan off the bodies ...
  const plan = async (db: Knex, sql: string) =>
    (
      (await db.raw(
        `EXPLAIN QUERY PLAN ${sql}`,
        relationQuery!.bindings as any[],
      )) as { detail: string }[]
    ).map(p => p.detail);
  const asWritten = relationQuery!.sql.replace(
    /exists \(select 1/g,
    'exists ( select 1',
  );
  expect(await plan(knex, asWritten)).toContain(
    'SCAN final_entities USING INDEX strata_final_entities_stitched_id_idx',
  );
  // ... and as the client runs it: no scan, the matching ids from the search index.
  const rewritten = await plan(knex, relationQuery!.sql);
  expect(rewritten).toEqual(
    await plan(knex, rewriteFilterQuery(relationQuery!.sql)),
  );
  expect(rewritten).toEqual(
    expect.arrayContaining([
      expect.stringMatching(
        /^SEARCH final_entities USING INDEX .* \(entity_id=\?\)$/,
      ),
      expect.stringMatching(
        /^SEARCH search_flt USING COVERING INDEX search_key_value_entity_idx \(key=\? AND value=\?/,
      ),
    ]),
  );
  expect(rewritten.join('\n')).not.toMatch(/SCAN final_entities/);

  const byIndex = rewriteReferenceDelete(referenceDelete!.sql);
  expect(byIndex).not.toBe(referenceDelete!.sql);
  const deletePlan = (
    (await knex.raw(
      `EXPLAIN QUERY PLAN ${byIndex}`,
      referenceDelete!.bindings as any[],
    )) as { detail: string }[]
  ).map(p => p.detail);
  expect(deletePlan).toEqual(
    expect.arrayContaining([
      expect.stringMatching(
        /^SEARCH refresh_state_references USING (COVERING )?INDEX refresh_state_references_source_entity_ref_idx \(source_entity_ref=\?\)$/,
      ),
    ]),
  );
}

async function leftAloneElsewhere(catalog: StartedCatalog) {
  const { rows } = await catalog.knex.raw(
    "SELECT indexname FROM pg_indexes WHERE tablename = 'final_entities' AND indexname LIKE 'strata_%'",
  );
  expect(rows).toEqual([]);
}

describe.each(ids)('sqlite-tuning in the catalog on %s', databaseId => {
  let dir: string;
  let catalog: Awaited<ReturnType<typeof startCatalog>>;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-tuning-'));
    catalog = await startCatalog(databaseId, dir);
  });
  afterAll(async () => {
    await catalog?.backend.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers filtered queries right', async () => {
    const expected = ['component:default/billing', 'component:default/orders'];
    expect(await catalog.refsOf(BY_QUERY)).toEqual(expected);
    expect(
      await catalog.refsOf(
        '/api/catalog/entities?filter=relations.dependsOn=resource:default/orders-db',
      ),
    ).toEqual(expected);
    expect(
      await catalog.refsOf(
        '/api/catalog/entities/by-query?filter=relations.dependsOn=resource:default/billing-db',
      ),
    ).toEqual(['component:default/billing']);
    expect(
      await catalog.refsOf(
        '/api/catalog/entities/by-query?filter=relations.dependsOn=resource:default/none',
      ),
    ).toEqual([]);
    // Negated: the components that do not depend on orders-db.
    const negated = await request(catalog.backend.server)
      .post('/api/catalog/entities/by-query')
      .set('Authorization', mockCredentials.user.header())
      .send({
        query: {
          $all: [
            { kind: 'component' },
            { $not: { 'relations.dependsOn': 'resource:default/orders-db' } },
          ],
        },
      });
    expect(negated.status).toBe(200);
    expect(
      (negated.body.items as Entity[]).map(e => stringifyEntityRef(e)),
    ).toEqual(['component:default/search']);
  });

  // One title on every database, so the suite's database matrix sees each test run on both.
  // eslint-disable-next-line jest/expect-expect -- the expectations are in the named checks
  it('on SQLite creates the indexes, sets the connection and plans the relation query on the index; elsewhere creates nothing', async () => {
    const check =
      databaseId === 'SQLITE_3' ? tunedOnSqlite : leftAloneElsewhere;
    await check(catalog);
  });
});
