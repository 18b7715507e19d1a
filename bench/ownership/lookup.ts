/*
 * Ownership lookup latency: p50/p95 of `GET /api/ownership/v1/lookup` with 20 concurrent clients
 * against a real test backend (startTestBackend: the ownership plugin behind Backstage's HTTP
 * router and auth, on a loopback port) over the 10,000-service synthetic organisation of
 * bench/catalog-scale/generate.ts (~43,600 entities). See bench/ownership/README.md.
 *
 *   node --require ./node_modules/@backstage/cli-node/config/nodeTransform.cjs \
 *     bench/ownership/lookup.ts [--dir /tmp/catalog-scale-10000] [--clients 20] [--requests 500]
 *
 * The catalog is Backstage's in-memory catalog mock serving the generated entities (the lookup
 * reads the catalog only to build its index; the ingest itself is bench/catalog-scale's subject).
 * 80 % of teams get a strata.dev/oncall-* rotation, the rest inherit their department's (the
 * generator writes none). Requests cycle through the six key types (1 in 20 asks for a name that
 * does not exist: the 404 path); withHealth=false because telemetry and deployments are not in
 * this backend (their calls are measured by their own benches). Prints a Markdown table; asserts
 * nothing; stops its backend; gives up after 10 minutes. Parsed entities are cached as JSON in the temp
 * folder (the first run parses ~10,800 YAML files).
 */
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { actionsRegistryServiceMock } from '@backstage/backend-test-utils/alpha';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import http from 'node:http';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import ownershipPlugin from '../../plugins/ownership-backend/src';
import { OwnershipIndex } from '../../plugins/ownership-backend/src/catalogIndex/OwnershipIndex';
import { findEntity } from '../../plugins/ownership-backend/src/lookup/findEntity';
import { LOOKUP_KEYS } from '../../plugins/ownership-common/src';

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const bound = setTimeout(() => {
  console.error('bench/ownership/lookup.ts: gave up after 10 minutes');
  process.exit(2);
}, 10 * 60_000);
bound.unref();

const DIR = arg('dir', '/tmp/catalog-scale-10000');
const CLIENTS = Number(arg('clients', '20'));
const REQUESTS = Number(arg('requests', '500'));
const SERVICES = Number(arg('services', '10000'));

function generateIfMissing() {
  if (fs.existsSync(path.join(DIR, 'manifest.json'))) return;
  const root = path.resolve(__dirname, '../..');
  execFileSync(
    process.execPath,
    [
      '--require',
      path.join(
        root,
        'node_modules/@backstage/cli-node/config/nodeTransform.cjs',
      ),
      path.join(root, 'bench/catalog-scale/generate.ts'),
      '--services',
      String(SERVICES),
      '--out',
      DIR,
    ],
    { stdio: 'inherit' },
  );
}

function readEntities(): Entity[] {
  const cache = path.join(
    os.tmpdir(),
    `ownership-bench-${path.basename(DIR)}.json`,
  );
  if (fs.existsSync(cache))
    return withRotations(JSON.parse(fs.readFileSync(cache, 'utf8')));
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.yaml')) files.push(full);
    }
  };
  walk(DIR);
  const entities: Entity[] = [];
  for (const file of files) {
    for (const doc of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
      const entity = doc.toJS() as Entity | null;
      if (!entity?.kind || entity.kind === 'Location') continue;
      entity.metadata.namespace ??= 'default';
      entities.push(entity);
    }
  }
  fs.writeFileSync(cache, JSON.stringify(entities));
  return withRotations(entities);
}

/** A rotation on 80 % of teams and on every department (every fifth team inherits its department's). */
function withRotations(entities: Entity[]): Entity[] {
  let team = 0;
  for (const entity of entities) {
    if (entity.kind !== 'Group') continue;
    const type = entity.spec?.type;
    if (type === 'department' || (type === 'team' && team++ % 5 !== 0)) {
      entity.metadata.annotations = {
        ...entity.metadata.annotations,
        'strata.dev/oncall-primary': `user:default/${entity.metadata.name}-lead`,
        'strata.dev/oncall-secondary': `user:default/${entity.metadata.name}-second`,
      };
    }
  }
  return entities;
}

function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

async function main() {
  generateIfMissing();
  let started = performance.now();
  const entities = readEntities();
  const readMs = performance.now() - started;
  const services = entities
    .filter(e => e.kind === 'Component')
    .map(e => e.metadata.name);

  const backend = await startTestBackend({
    features: [
      ownershipPlugin,
      catalogServiceMock.factory({ entities }),
      actionsRegistryServiceMock.factory(),
      mockServices.rootConfig.factory({
        data: { ownership: { index: { refreshSeconds: 3600 } } },
      }),
    ],
  });
  const port = (backend.server.address() as { port: number }).port;
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const authorization = mockCredentials.user.header();

  const get = (query: string) =>
    new Promise<{ status: number; ms: number }>((resolve, reject) => {
      const t0 = performance.now();
      const req = http.get(
        {
          host: '127.0.0.1',
          port,
          path: `/api/ownership/v1/lookup?${query}&withHealth=false`,
          agent,
          headers: { authorization },
        },
        res => {
          res.resume();
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              ms: performance.now() - t0,
            }),
          );
        },
      );
      req.on('error', reject);
    });

  try {
    // The first lookup builds the index.
    started = performance.now();
    const first = await get(`entityRef=component:default/${services[0]}`);
    const buildMs = performance.now() - started;
    if (first.status !== 200)
      throw new Error(`first lookup answered ${first.status}`);
    const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;

    const queryFor = (n: number) => {
      const name =
        n % 20 === 19 ? `no-such-${n}` : services[(n * 7919) % services.length];
      switch (n % 6) {
        case 0:
          return `entityRef=${encodeURIComponent(`component:default/${name}`)}`;
        case 1:
          return `otelServiceName=${name}`;
        case 2:
          return `k8sWorkload=${encodeURIComponent(`prod-eu/default/${name}`)}`;
        case 3:
          return `repository=${encodeURIComponent(
            `https://git.example.invalid/${name}.git`,
          )}`;
        case 4:
          return `topic=${encodeURIComponent(
            `${teamOf(name)}.${name}.events`,
          )}`;
        default:
          return `database=${name}-db`;
      }
    };
    const owners = new Map(
      entities
        .filter(e => e.kind === 'Component')
        .map(e => [
          e.metadata.name,
          String(e.spec?.owner).replace('group:default/', ''),
        ]),
    );
    const teamOf = (name: string) => owners.get(name) ?? 'team-none';

    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    started = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let i = 0; i < REQUESTS; i++) {
          const { status, ms } = await get(queryFor(client * REQUESTS + i));
          latencies.push(ms);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      }),
    );
    const wallMs = performance.now() - started;
    latencies.sort((a, b) => a - b);

    // The same keys without HTTP: building the index, and finding the entity in it.
    started = performance.now();
    const index = OwnershipIndex.build(entities);
    const indexMs = performance.now() - started;
    const inProcess: number[] = [];
    for (let n = 0; n < CLIENTS * REQUESTS; n++) {
      const [key, value] = decodeURIComponent(queryFor(n)).split(/=(.*)/s);
      const t0 = performance.now();
      try {
        findEntity(index, { key: key as (typeof LOOKUP_KEYS)[number], value });
      } catch {
        // the 404 path
      }
      inProcess.push(performance.now() - t0);
    }
    inProcess.sort((a, b) => a - b);

    const byKind = new Map<string, number>();
    for (const e of entities) byKind.set(e.kind, (byKind.get(e.kind) ?? 0) + 1);
    console.log(
      `\n### Ownership lookup, ${services.length} services (${
        entities.length
      } entities: ${[...byKind].map(([k, n]) => `${n} ${k}`).join(', ')})\n`,
    );
    console.log('| figure | value |\n|---|---|');
    console.log(
      `| read + parse the generated files | ${(readMs / 1000).toFixed(1)} s |`,
    );
    console.log(
      `| first lookup (builds the index from the catalog) | ${buildMs.toFixed(
        0,
      )} ms |`,
    );
    console.log(
      `| heap after the index | ${heapMb.toFixed(
        0,
      )} MB (the entities in the mock catalog included) |`,
    );
    console.log(
      `| requests | ${latencies.length} (${CLIENTS} clients × ${REQUESTS}), ${[
        ...statuses,
      ]
        .map(([s, n]) => `${n}× ${s}`)
        .join(', ')} |`,
    );
    console.log(`| p50 | ${percentile(latencies, 50).toFixed(2)} ms |`);
    console.log(`| p95 | ${percentile(latencies, 95).toFixed(2)} ms |`);
    console.log(`| p99 | ${percentile(latencies, 99).toFixed(2)} ms |`);
    console.log(`| max | ${latencies[latencies.length - 1].toFixed(2)} ms |`);
    console.log(
      `| throughput | ${((latencies.length / wallMs) * 1000).toFixed(
        0,
      )} lookups/s |`,
    );
    console.log(
      `| load average (1 min) during the run | ${os
        .loadavg()[0]
        .toFixed(1)} on ${os.cpus().length} cores |`,
    );
    console.log(
      `| in process: OwnershipIndex.build | ${indexMs.toFixed(0)} ms |`,
    );
    console.log(
      `| in process: key → entity p50 / p95 | ${(
        percentile(inProcess, 50) * 1000
      ).toFixed(1)} µs / ${(percentile(inProcess, 95) * 1000).toFixed(1)} µs |`,
    );
  } finally {
    agent.destroy();
    await backend.stop();
  }
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
