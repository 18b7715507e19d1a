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

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)];
}

let abort = false;

async function main() {
  const { knex, cleanup } = await makeDatabase();
  let backend: Awaited<ReturnType<typeof startTestBackend>> | undefined;
  const result: Record<string, unknown> = {
    db,
    variant,
    services: manifest.services,
    generatedEntities: manifest.entities,
    sqliteDir: db === 'sqlite' ? sqliteDir : undefined,
    node: process.version,
    cpus: os.cpus().length,
    loadavgAtStart: os.loadavg().map(l => Math.round(l * 100) / 100),
    ioPressureAtStart: ioPressure(),
  };
  try {
    const t0 = performance.now();
    backend = await startTestBackend({
      features: [
        catalogPlugin,
        ...(variant === 'strata' ? [serviceModelModule] : []),
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

    // Entity page queries against the loaded catalog, over real HTTP on loopback.
    const port = (backend.server.address() as AddressInfo).port;
    const base = `http://127.0.0.1:${port}/api/catalog`;
    const headers = { Authorization: mockCredentials.user.header(), 'Content-Type': 'application/json' };
    const services = manifest.refs.filter(r => r.startsWith('component:'));
    const pickService = (i: number) => services[(i * 7919) % services.length];
    const name = (ref: string) => ref.split('/')[1];
    const teamOf = (svcName: string) => `group:default/team-${String(Math.floor(Number(svcName.slice(4)) / 25)).padStart(4, '0')}`;

    type Q = { id: string; request: (i: number) => Promise<Response> };
    const queries: Q[] = [
      { id: 'entity-by-name', request: i => fetch(`${base}/entities/by-name/component/default/${name(pickService(i))}`, { headers }) },
      { id: 'query-ownedBy', request: i => fetch(`${base}/entities/by-query?filter=relations.ownedBy=${encodeURIComponent(teamOf(name(pickService(i))))}&limit=100`, { headers }) },
      { id: 'query-dependencyOf', request: i => fetch(`${base}/entities/by-query?filter=relations.dependencyOf=${encodeURIComponent(pickService(i))}`, { headers }) },
      { id: 'query-producedBy', request: i => fetch(`${base}/entities/by-query?filter=relations.producedBy=${encodeURIComponent(pickService(i))}`, { headers }) },
      {
        id: 'by-refs-20',
        request: async i => {
          // ~20 related refs of the service: its relations' targets, topped up with neighbours.
          const svc = pickService(i);
          const n = Number(name(svc).slice(4));
          const refs = [svc, ...[1, 2, 3, 4].map(k => `component:default/svc-${String((n + k) % services.length).padStart(5, '0')}`)];
          for (const suffix of ['-api', '-db', '-events']) for (let k = 0; k < 5; k++) refs.push(`${suffix === '-api' ? 'api' : 'resource'}:default/svc-${String((n + k) % services.length).padStart(5, '0')}${suffix}`);
          return fetch(`${base}/entities/by-refs`, { method: 'POST', headers, body: JSON.stringify({ entityRefs: refs.slice(0, 20) }) });
        },
      },
      { id: 'facets', request: () => fetch(`${base}/entity-facets?facet=spec.type&facet=spec.lifecycle&facet=metadata.tags&filter=kind=component`, { headers }) },
    ];
    const latency: Record<string, unknown> = {};
    for (const q of queries) {
      // Warm-up (not counted), then sequential timed requests, bounded in count and time.
      for (let w = 0; w < 3; w++) await (await q.request(w + 10_000)).arrayBuffer();
      const times: number[] = [];
      let items = 0;
      const qStart = performance.now();
      for (let i = 0; i < requests && !abort && performance.now() - qStart < queryBudgetMs; i++) {
        const s = performance.now();
        const res = await q.request(i);
        const body = await res.text();
        times.push(performance.now() - s);
        if (res.status !== 200) throw new Error(`${q.id}: HTTP ${res.status} ${body.slice(0, 300)}`);
        const parsed = JSON.parse(body);
        items += Array.isArray(parsed?.items)
          ? parsed.items.filter(Boolean).length
          : parsed?.facets
            ? Object.values(parsed.facets as Record<string, unknown[]>).reduce((n, v) => n + v.length, 0)
            : parsed?.metadata
              ? 1
              : 0;
      }
      if (times.length === 0) break;
      times.sort((a, b) => a - b);
      latency[q.id] = {
        n: times.length,
        p50: +percentile(times, 50).toFixed(1),
        p95: +percentile(times, 95).toFixed(1),
        max: +times[times.length - 1].toFixed(1),
        avgItems: +(items / times.length).toFixed(1),
      };
      log(`${q.id}: ${JSON.stringify(latency[q.id])}`);
    }
    result.latencyMs = latency;
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
