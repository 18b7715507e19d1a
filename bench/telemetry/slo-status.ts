/*
 * SLO status for a page of 50 services with 28 days of data, on the embedded aggregates: the
 * p50/p95 of one service's `GET /v1/slos` answer (SloService.getSloStatuses, two SLOs per
 * service: availability and p95 latency over 28 days) when a page asks for all 50 at once, and
 * of the whole page. See bench/telemetry/README.md.
 *
 *   node --require ./node_modules/@backstage/cli-node/config/nodeTransform.cjs \
 *     bench/telemetry/slo-status.ts [--db sqlite|postgres] [--services 50] [--pages 20]
 *
 * The data is written straight into the aggregate tables (what ingest and rollup would leave):
 * per service 100 requests a minute, 0.1 % failing, 5 % of them 500 ms and the rest 100 ms —
 * hour rows for 28 days and minute rows for the last 2 days (the default retention), rolled up
 * until the current hour. Prints a Markdown table; asserts nothing; removes what it made; gives
 * up after 5 minutes.
 */
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { SliQuery, SliSource } from '@internal/plugin-telemetry-node';
import knexFactory, { Knex } from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bucketIndex, emptyBuckets } from '../../plugins/telemetry-backend/src/aggregate/histogram';
import { HOUR_MS, MINUTE_MS, RedDelta } from '../../plugins/telemetry-backend/src/aggregate/minutes';
import { AggregateReader } from '../../plugins/telemetry-backend/src/database/AggregateReader';
import { migrateTelemetry } from '../../plugins/telemetry-backend/src/database/IngestStore';
import { DEFAULT_RETENTION } from '../../plugins/telemetry-backend/src/database/Retention';
import {
  RED_HOURS,
  RED_MINUTES,
  ROLLED_UP_UNTIL,
  upsertAddRed,
  writeState,
} from '../../plugins/telemetry-backend/src/database/tables';
import { EmbeddedMetricsSource } from '../../plugins/telemetry-backend/src/query/EmbeddedMetricsSource';
import { SloFileReader, SloService } from '../../plugins/telemetry-backend/src/slo';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const bound = setTimeout(() => {
  console.error('bench/telemetry/slo-status.ts: gave up after 5 minutes');
  process.exit(2);
}, 5 * 60_000);
bound.unref();

const DB = arg('db', 'sqlite');
const SERVICES = Number(arg('services', '50'));
const PAGES = Number(arg('pages', '20'));
const OPERATION = 'GET /items/{id}';
const DAY_MS = 24 * HOUR_MS;

/** One row of traffic: `minutes` minutes of 100 requests each. */
function delta(serviceName: string, bucketMs: number, minutes: number, errors: number): RedDelta {
  const requests = 100 * minutes;
  const slow = 5 * minutes;
  const buckets = emptyBuckets();
  buckets[bucketIndex(100)] = requests - slow;
  buckets[bucketIndex(500)] = slow;
  return {
    serviceName,
    operation: OPERATION,
    bucketMs,
    requests,
    errors,
    durationSumMs: 100 * (requests - slow) + 500 * slow,
    buckets,
  };
}

async function fill(db: Knex, services: string[], now: number) {
  const currentHour = Math.floor(now / HOUR_MS) * HOUR_MS;
  const hours: RedDelta[] = [];
  const minutes: RedDelta[] = [];
  for (const s of services) {
    for (let h = currentHour - 28 * DAY_MS; h < currentHour; h += HOUR_MS) {
      hours.push(delta(s, h, 60, 6)); // 6 of 6,000 failing: 0.1 %
    }
    for (let m = Math.floor((now - 2 * DAY_MS) / MINUTE_MS) * MINUTE_MS; m < now; m += MINUTE_MS) {
      minutes.push(delta(s, m, 1, m % (10 * MINUTE_MS) === 0 ? 1 : 0));
    }
  }
  await upsertAddRed(db, RED_HOURS, hours);
  await upsertAddRed(db, RED_MINUTES, minutes);
  await writeState(db, ROLLED_UP_UNTIL, currentHour);
  return { hourRows: hours.length, minuteRows: minutes.length };
}

function sloFile(service: string): string {
  const source = (filter: string) => `
          metricSource:
            type: OpenTelemetry
            spec:
              filter: '${filter}'`;
  return `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${service}-availability
spec:
  budgetingMethod: Occurrences
  indicator:
    spec:
      ratioMetric:
        good:${source(`service.name="${service}" AND http.response.status_code < 500`)}
        total:${source(`service.name="${service}"`)}
  timeWindow: [{ duration: 28d, isRolling: true }]
  objectives: [{ target: 0.999 }]
---
apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${service}-latency
spec:
  budgetingMethod: Occurrences
  indicator:
    spec:
      thresholdMetric:
        metricSource:
          type: OpenTelemetry
          spec:
            unit: s
            filter: 'service.name="${service}"'
  timeWindow: [{ duration: 28d, isRolling: true }]
  objectives: [{ op: lte, value: 0.3, target: 0.95 }]
`;
}

/** Counts the source's calls. */
class Counting implements SliSource {
  readonly id: string;
  calls = 0;
  constructor(private readonly inner: SliSource) {
    this.id = inner.id;
  }
  count(query: SliQuery) {
    this.calls += 1;
    return this.inner.count(query);
  }
  countSeries(query: SliQuery, stepMs: number) {
    this.calls += 1;
    return this.inner.countSeries(query, stepMs);
  }
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

async function main() {
  const stamp = `${process.pid}_${Date.now()}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slo-bench-'));
  let db: Knex;
  let cleanup: () => Promise<void>;
  if (DB === 'postgres') {
    const admin = knexFactory({ client: 'pg', connection: 'postgresql://postgres@127.0.0.1:5432/postgres' });
    await admin.raw(`CREATE DATABASE telemetry_slo_bench_${stamp}`);
    db = knexFactory({ client: 'pg', connection: `postgresql://postgres@127.0.0.1:5432/telemetry_slo_bench_${stamp}`, pool: { min: 1, max: 10 } });
    cleanup = async () => {
      await db.destroy();
      await admin.raw(`DROP DATABASE telemetry_slo_bench_${stamp}`);
      await admin.destroy();
    };
  } else {
    db = knexFactory({ client: 'better-sqlite3', connection: { filename: path.join(dir, 'telemetry.sqlite') }, useNullAsDefault: true });
    await db.raw('PRAGMA journal_mode = WAL');
    cleanup = async () => {
      await db.destroy();
    };
  }
  try {
    await migrateTelemetry(db);
    const now = Date.now();
    const services = Array.from({ length: SERVICES }, (_, i) => `svc-${String(i).padStart(2, '0')}`);
    const filled = performance.now();
    const rows = await fill(db, services, now);
    const fillMs = performance.now() - filled;
    const entities = services.map(name => {
      fs.mkdirSync(path.join(dir, name));
      fs.writeFileSync(path.join(dir, name, 'slo.yaml'), sloFile(name));
      return {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name,
          annotations: {
            'backstage.io/managed-by-location': `file:${path.join(dir, name, 'catalog-info.yaml')}`,
            'strata.dev/slo-file': 'slo.yaml',
          },
        },
        spec: {},
      };
    });
    const source = new Counting(new EmbeddedMetricsSource(new AggregateReader(db, DEFAULT_RETENTION)));
    const service = new SloService({
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
      reader: new SloFileReader({
        // Every SLO file here is next to a file location; no URL is read.
        urlReader: {} as UrlReaderService,
        fileRoots: { folders: [dir], files: [], patterns: [] },
        maxBytes: 1024 * 1024,
      }),
      metricsSource: source,
    });
    const page = async () => {
      const calls: number[] = [];
      const started = performance.now();
      await Promise.all(
        services.map(async name => {
          const t = performance.now();
          const list = await service.getSloStatuses(`component:default/${name}`);
          if (list.items.length !== 2 || list.problems.length > 0) {
            throw new Error(`${name}: ${JSON.stringify(list.problems)}`);
          }
          calls.push(performance.now() - t);
        }),
      );
      return { calls, pageMs: performance.now() - started };
    };
    const first = await page(); // reads and parses the SLO files, warms the database
    source.calls = 0;
    const calls: number[] = [];
    const pages: number[] = [];
    // CPU of this process (SQLite runs in it; PostgreSQL's server is another process): what a
    // page costs apart from waiting for a core on a loaded machine.
    const cpuBefore = process.cpuUsage();
    for (let i = 0; i < PAGES; i++) {
      const result = await page();
      calls.push(...result.calls);
      pages.push(result.pageMs);
    }
    const cpu = process.cpuUsage(cpuBefore);
    const cpuPerPageMs = (cpu.user + cpu.system) / 1000 / PAGES;
    const ms = (v: number) => `${v.toFixed(0)} ms`;
    console.log(`SLO status, ${DB}, ${SERVICES} services × 2 SLOs, 28 days of data (${rows.hourRows} hour rows, ${rows.minuteRows} minute rows, written in ${ms(fillMs)})\n`);
    console.log('| measure | p50 | p95 | max |');
    console.log('|---|---|---|---|');
    console.log(`| one service's answer, ${SERVICES} asked at once (${calls.length}) | ${ms(quantile(calls, 0.5))} | ${ms(quantile(calls, 0.95))} | ${ms(Math.max(...calls))} |`);
    console.log(`| the page of ${SERVICES} (${pages.length}) | ${ms(quantile(pages, 0.5))} | ${ms(quantile(pages, 0.95))} | ${ms(Math.max(...pages))} |`);
    console.log(`\nfirst page (SLO files read and parsed): ${ms(first.pageMs)}; source calls per page: ${source.calls / PAGES}; this process's CPU per page: ${ms(cpuPerPageMs)}`);
  } finally {
    await cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
