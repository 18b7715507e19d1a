/*
 * Catalog ingestion + API latency for one (database, variant) pair on a generated organisation.
 *
 *   node --require ./node_modules/@backstage/cli-node/config/nodeTransform.cjs \
 *     bench/catalog-scale/ingest.ts --dir DIR --db sqlite|postgres --variant stock|strata \
 *     [--requests 200] [--timeout-min 30] [--query-seconds 120] [--out result.json]
 *
 * Starts a real Backstage backend (startTestBackend: real HTTP server on a loopback port, the
 * real catalog plugin, a real database through a knex we create) with DIR/catalog-info.yaml as
 * its only configured location, and measures wall time until every generated entity is processed
 * and stitched. Then measures the latency of an entity page's catalog queries over HTTP.
 *
 * Prints progress to stderr and one line `RESULT {json}` to stdout.
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import serviceModelModule from '@internal/plugin-catalog-backend-module-service-model';
import sqliteTuningModule from '@internal/plugin-catalog-backend-module-sqlite-tuning';
import queryCacheModule from '@internal/plugin-catalog-backend-module-query-cache';
import { catalogQueries, measureQuery } from './queries';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AddressInfo } from 'node:net';
import knexFactory, { Knex } from 'knex';

function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && process.argv[i + 1]) return process.argv[i + 1];
  if (fallback === undefined) throw new Error(`--${name} is required`);
  return fallback;
}

const dir = path.resolve(arg('dir'));
const db = arg('db', 'sqlite');
const variant = arg('variant', 'strata');
const requests = Math.min(5000, Number(arg('requests', '200')));
const timeoutMs = Number(arg('timeout-min', '30')) * 60_000;
const queryBudgetMs = Number(arg('query-seconds', '120')) * 1000;
const outFile = process.argv.includes('--out') ? arg('out') : undefined;
// SQLite's file goes to a memory-backed temp dir by default: the machine's disk is shared with
// other engineers' builds, and fsync waits on it would measure them, not the catalog.
const sqliteDir = arg('sqlite-dir', fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir());
const pgUrl = process.env.CATALOG_SCALE_PG ?? 'postgresql://postgres@127.0.0.1:5432';
// --keep-sqlite FILE: copy the loaded SQLite database there before cleanup (to EXPLAIN its queries).
const keepSqlite = process.argv.includes('--keep-sqlite') ? arg('keep-sqlite') : undefined;

// The strata variant's query cache (catalog-backend-module-query-cache), on unless =off.
const queryCacheOn = process.env.CATALOG_SCALE_QUERY_CACHE !== 'off';

if (!['sqlite', 'postgres'].includes(db)) throw new Error(`--db sqlite|postgres, got ${db}`);
if (!['stock', 'strata'].includes(variant)) throw new Error(`--variant stock|strata, got ${variant}`);

const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
  services: number;
  entities: number;
  refs: string[];
};
const log = (msg: string) => process.stderr.write(`[${new Date().toISOString()}] ${db}/${variant}: ${msg}\n`);
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

async function makeDatabase(): Promise<{ knex: Knex; cleanup: () => Promise<void> }> {
  if (db === 'sqlite') {
    const tmp = fs.mkdtempSync(path.join(sqliteDir, 'catalog-scale-sqlite-'));
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: path.join(tmp, 'catalog.sqlite') },
      useNullAsDefault: true,
    });
    return {
      knex,
      cleanup: async () => {
        await knex.destroy();
        if (keepSqlite) fs.copyFileSync(path.join(tmp, 'catalog.sqlite'), keepSqlite);
        fs.rmSync(tmp, { recursive: true, force: true });
      },
    };
  }
  const name = `catalog_scale_${Date.now()}_${process.pid}`;
  const admin = knexFactory({ client: 'pg', connection: `${pgUrl}/postgres` });
  await admin.raw(`CREATE DATABASE ${name}`);
  const knex = knexFactory({ client: 'pg', connection: `${pgUrl}/${name}` });
  return {
    knex,
    cleanup: async () => {
      await knex.destroy();
      await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.destroy();
    },
  };
}

/** Linux PSI: share of the last 60 s some task waited on IO (other engineers share the disk). */
function ioPressure(): string | undefined {
  try {
    return fs.readFileSync('/proc/pressure/io', 'utf8').match(/^some avg10=(\S+) avg60=(\S+)/)?.slice(1, 3).join('/');
  } catch {
    return undefined;
  }
}

/** Resident memory of this process (the backend runs in it): now and the peak so far, MiB. */
function rssMiB(): { now: number; peak: number } {
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const kib = (field: string) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'))?.[1] ?? NaN);
  return { now: Math.round(kib('VmRSS') / 1024), peak: Math.round(kib('VmHWM') / 1024) };
}

let abort = false;

async function main() {
  const { knex, cleanup } = await makeDatabase();
  let backend: Awaited<ReturnType<typeof startTestBackend>> | undefined;
  const result: Record<string, unknown> = {
    db,
    variant,
    queryCache: variant === 'strata' ? queryCacheOn : undefined,
    services: manifest.services,
    generatedEntities: manifest.entities,
    sqliteDir: db === 'sqlite' ? sqliteDir : undefined,
    node: process.version,
    cpus: os.cpus().length,
    loadavgAtStart: os.loadavg().map(l => Math.round(l * 100) / 100),
    ioPressureAtStart: ioPressure(),
  };
  try {
    // Every statement the backend sends during ingest, by shape (the catalog's DB round trips).
    // The benchmark's own progress polls are `count(*)` statements, which the catalog never sends.
    // Time from knex's 'query' (connection acquired, statement sent) to its response.
    const queryShapes = new Map<string, { n: number; ms: number }>();
    const inFlight = new Map<string, { shape: string; at: number }>();
    let ingesting = true;
    knex.on('query', (q: { sql?: string; __knexQueryUid?: string }) => {
      if (!ingesting || !q.sql || !q.__knexQueryUid || /count\(\*\)/i.test(q.sql)) return;
      const shape = q.sql.replace(/\s+/g, ' ').replace(/(\?|\$\d+)(, ?(\?|\$\d+))+/g, '?…').slice(0, 160);
      inFlight.set(q.__knexQueryUid, { shape, at: performance.now() });
    });
    const done = (_r: unknown, q: { __knexQueryUid?: string }) => {
      const s = q?.__knexQueryUid ? inFlight.get(q.__knexQueryUid) : undefined;
      if (!s) return;
      inFlight.delete(q.__knexQueryUid!);
      const entry = queryShapes.get(s.shape) ?? { n: 0, ms: 0 };
      entry.n += 1;
      entry.ms += performance.now() - s.at;
      queryShapes.set(s.shape, entry);
    };
    knex.on('query-response', done);
    knex.on('query-error', (_e: unknown, q: { __knexQueryUid?: string }) => done(undefined, q));
    const t0 = performance.now();
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        // Strata's catalog modules as packages/backend installs them.
        ...(variant === 'strata' ? [serviceModelModule, sqliteTuningModule, queryCacheModule] : []),
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: {
            catalog: {
              // Bulk ingestion: nothing already processed is reprocessed during the run (the
              // default is a random 100-150 s, which would re-run early entities mid-ingest).
              processingInterval: { minutes: 60 },
              // Stitching is deferred (the only mode in catalog-backend 4); its defaults:
              stitchingStrategy: { pollingInterval: { seconds: 1 }, stitchTimeout: { seconds: 60 } },
              rules: [
                { allow: ['Component', 'System', 'API', 'Resource', 'Location', 'Group', 'User', 'Domain'] },
              ],
              locations: [{ type: 'file', target: path.join(dir, 'catalog-info.yaml') }],
              // CATALOG_SCALE_QUERY_CACHE=off: Strata without the query cache (before/after).
              queryCache: { enabled: queryCacheOn },
            },
          },
        }),
      ],
    });
    installSignalHandlers();
    const started = performance.now();
    result.backendStartSeconds = +((started - t0) / 1000).toFixed(2);
    log(`backend started in ${result.backendStartSeconds}s`);

    // The configured location adds one Location entity (location:default/generated-…) of its own.
    const expected = manifest.entities + 1;
    let processedAt: number | undefined;
    let last = '';
    let lastLog = 0;
    for (;;) {
      const now = performance.now();
      if (abort) throw new Error(`stopped by signal; last: ${last}`);
      if (now - t0 > timeoutMs) {
        result.timedOut = true;
        throw new Error(`timeout after ${timeoutMs / 60000} min; last: ${last}`);
      }
      const [rs] = await knex('refresh_state').count({ n: '*' });
      const [unprocessed] = await knex('refresh_state').whereNull('processed_entity').count({ n: '*' });
      const [errored] = await knex('refresh_state')
        .whereNotNull('errors')
        .whereNot('errors', '')
        .whereNot('errors', '[]')
        .count({ n: '*' });
      const [queued] = await knex('stitch_queue').count({ n: '*' });
      const [final] = await knex('final_entities').whereNotNull('final_entity').count({ n: '*' });
      const c = {
        refresh: Number(rs.n),
        unprocessed: Number(unprocessed.n),
        errored: Number(errored.n),
        stitchQueue: Number(queued.n),
        final: Number(final.n),
      };
      last = JSON.stringify(c);
      if (Number(c.errored) > 0) {
        const rows = await knex('refresh_state').select('entity_ref', 'errors').whereNotNull('errors').whereNot('errors', '[]').limit(3);
        throw new Error(`processing errors (${c.errored}): ${JSON.stringify(rows).slice(0, 2000)}`);
      }
      if (processedAt === undefined && c.refresh >= expected && c.unprocessed === 0) {
        processedAt = now;
        log(`all processed after ${((now - t0) / 1000).toFixed(1)}s`);
      }
      if (c.refresh >= expected && c.unprocessed === 0 && c.stitchQueue === 0 && c.final >= c.refresh) {
        const seconds = (now - t0) / 1000;
        result.entities = c.final;
        result.ingestSeconds = +seconds.toFixed(1);
        result.ingestAfterStartSeconds = +((now - started) / 1000).toFixed(1);
        result.processedSeconds = +(((processedAt ?? now) - t0) / 1000).toFixed(1);
        result.entitiesPerSecond = +(c.final / seconds).toFixed(1);
        break;
      }
      if (now - lastLog > 15_000) {
        log(`${((now - t0) / 1000).toFixed(0)}s ${last}`);
        lastLog = now;
      }
      // Poll every second early on, less often in long runs (each poll holds SQLite's single
      // connection for ~0.1 s at 40k entities): at most 5 s, i.e. a few % of a long run.
      await sleep(Math.min(5000, Math.max(1000, (now - t0) / 60)));
    }
    log(`ingested ${result.entities} entities in ${result.ingestSeconds}s (${result.entitiesPerSecond}/s)`);
    ingesting = false;
    const shapes = [...queryShapes.entries()];
    const statements = shapes.reduce((n, [, e]) => n + e.n, 0);
    result.ingestStatements = statements;
    result.statementsPerEntity = +(statements / Number(result.entities)).toFixed(1);
    result.statementSeconds = +(shapes.reduce((n, [, e]) => n + e.ms, 0) / 1000).toFixed(1);
    result.topStatements = shapes
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 15)
      .map(([sql, e]) => ({ n: e.n, seconds: +(e.ms / 1000).toFixed(2), sql }));
    result.rssAfterIngestMiB = rssMiB();

    // Entity page, team page and catalog list queries against the loaded catalog, over real HTTP
    // on loopback: each kind with 1 client; the list and facets also with 10 concurrent clients.
    const port = (backend.server.address() as AddressInfo).port;
    const queries = catalogQueries({
      base: `http://127.0.0.1:${port}/api/catalog`,
      headers: { Authorization: mockCredentials.user.header(), 'Content-Type': 'application/json' },
      refs: manifest.refs,
    });
    const latency: Record<string, unknown> = {};
    for (const q of queries) {
      for (const clients of ['list-first-page', 'facets'].includes(q.id) ? [1, 10] : [1]) {
        if (abort) break;
        const key = clients === 1 ? q.id : `${q.id}@${clients}`;
        latency[key] = await measureQuery(q, { clients, requests, budgetMs: queryBudgetMs, aborted: () => abort });
        log(`${key}: ${JSON.stringify(latency[key])}`);
      }
    }
    result.latencyMs = latency;
    result.rssAfterQueriesMiB = rssMiB();

    // Full re-read: every entity due now, as when the processing interval comes round for all of
    // them. Done when none is due any more (each was loaded by the engine), none is in flight and
    // the stitch queue is empty. Unchanged entities are not re-stitched (same result hash).
    const reReadStart = performance.now();
    await knex('refresh_state').update({ next_update_at: knex.fn.now() });
    for (;;) {
      if (abort) throw new Error('stopped by signal during the re-read');
      const now = performance.now();
      if (now - reReadStart > timeoutMs) throw new Error(`re-read timeout after ${timeoutMs / 60000} min`);
      await sleep(1000);
      const [due] = await knex('refresh_state').where('next_update_at', '<=', knex.fn.now()).count({ n: '*' });
      const [queued] = await knex('stitch_queue').count({ n: '*' });
      if (Number(due.n) === 0 && Number(queued.n) === 0) {
        // The last batch loaded may still be in flight (at most 10 entities): one more second.
        await sleep(1000);
        result.reReadSeconds = +((performance.now() - reReadStart) / 1000).toFixed(1);
        break;
      }
    }
    log(`full re-read in ${result.reReadSeconds}s`);
    result.peakRssMiB = rssMiB().peak;
    result.loadavgAtEnd = os.loadavg().map(l => Math.round(l * 100) / 100);
    result.ioPressureAtEnd = ioPressure();
  } catch (e) {
    result.error = String((e as Error)?.message ?? e).slice(0, 3000);
    log(`FAILED: ${result.error}`);
    process.exitCode = 1;
  } finally {
    if (backend) await backend.stop().catch(e => log(`stop: ${e}`));
    await cleanup().catch(e => log(`cleanup: ${e}`));
  }
  const line = JSON.stringify(result);
  if (outFile) fs.writeFileSync(outFile, `${line}\n`);
  console.log(`RESULT ${line}`);
}

// A TERM/INT (run.sh stopped, or the deadline) stops the backend and drops the database. The
// backend installs its own handlers (stop and exit at once, which would leave the database
// behind); installSignalHandlers replaces them once the backend is up.
function installSignalHandlers() {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => {
      if (abort) return;
      log(`${signal}: stopping`);
      abort = true;
      setTimeout(() => process.exit(1), 120_000).unref();
    });
  }
}
installSignalHandlers();

main().then(
  () => process.exit(),
  e => {
    console.error(e);
    process.exit(1);
  },
);
