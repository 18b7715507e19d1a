/*
 * Cost of the generation probe (src/generation.ts) on a catalog database of N final entities,
 * SQLite and PostgreSQL, next to the alternatives considered.
 *
 *   node --require ../../node_modules/@backstage/cli-node/config/nodeTransform.cjs \
 *     scripts/probe-cost.ts [--entities 50000] [--db sqlite|postgres|both] [--runs 50]
 *
 * Creates a fresh database (SQLite file in /dev/shm, or a PostgreSQL database on
 * CATALOG_SCALE_PG / 127.0.0.1:5432 that is dropped afterwards), runs the catalog's own
 * migrations, inserts N entities with ~2.5 KB stitched bodies and times each statement.
 */
import knexFactory, { Knex } from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generationProbe } from '../src/generation';
import { createProbeIndex } from '../src/probeIndex';

function arg(name: string, fallback: string) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}
const entities = Number(arg('entities', '50000'));
const runs = Number(arg('runs', '50'));
const which = arg('db', 'both');
const pgUrl =
  process.env.CATALOG_SCALE_PG ?? 'postgresql://postgres@127.0.0.1:5432';
const migrations = path.dirname(
  require.resolve('@backstage/plugin-catalog-backend/package.json'),
);

async function fill(knex: Knex) {
  await knex.migrate.latest({ directory: path.join(migrations, 'migrations') });
  const padding = 'x'.repeat(2000);
  for (let start = 0; start < entities; start += 500) {
    const ids = Array.from(
      { length: Math.min(500, entities - start) },
      (_, k) => start + k,
    );
    const ref = (i: number) => `component:default/svc-${i}`;
    await knex('refresh_state').insert(
      ids.map(i => ({
        entity_id: `id-${i}`,
        entity_ref: ref(i),
        unprocessed_entity: '{}',
        errors: '[]',
        next_update_at: knex.fn.now(),
        last_discovery_at: knex.fn.now(),
      })),
    );
    await knex('final_entities').insert(
      ids.map(i => ({
        entity_id: `id-${i}`,
        entity_ref: ref(i),
        hash: `h${i}`,
        final_entity: JSON.stringify({
          kind: 'Component',
          metadata: { name: `svc-${i}`, description: padding },
        }),
        last_updated_at: knex.fn.now(),
      })),
    );
  }
}

async function time(knex: Knex, label: string, run: () => Promise<unknown>) {
  for (let w = 0; w < 3; w++) await run();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const s = performance.now();
    await run();
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.ceil(q * times.length) - 1].toFixed(2);
  console.log(
    `${String(knex.client.config.client).padEnd(14)} ${label.padEnd(
      48,
    )} p50 ${p(0.5)} ms  p95 ${p(0.95)} ms`,
  );
}

async function measure(knex: Knex) {
  await fill(knex);
  const probe = generationProbe(knex);
  console.log(
    `${knex.client.config.client}: ${entities} entities, probe says`,
    await probe(),
  );
  await time(knex, 'generation probe (count, max, queue)', probe);
  await time(knex, 'count(*) alone', () =>
    knex('final_entities').count({ n: '*' }),
  );
  await time(knex, 'max(last_updated_at) alone', () =>
    knex('final_entities').max({ m: 'last_updated_at' }),
  );
  await time(knex, 'count(*) from stitch_queue', () =>
    knex('stitch_queue').count({ n: '*' }),
  );
  const s = performance.now();
  await createProbeIndex(knex);
  console.log(
    `creating the probe index: ${(performance.now() - s).toFixed(0)} ms`,
  );
  await time(knex, 'generation probe, with the probe index', probe);
  await time(knex, 'max(last_updated_at), with the probe index', () =>
    knex('final_entities').max({ m: 'last_updated_at' }),
  );
  if (String(knex.client.config.client) === 'pg') {
    // Steady state: autovacuum has set the visibility map, count(*) can read the index alone.
    await knex.raw('VACUUM ANALYZE final_entities');
    await time(knex, 'generation probe, index, after VACUUM', probe);
  }
}

async function main() {
  console.log(
    `load average ${os
      .loadavg()
      .map(l => l.toFixed(1))
      .join(' ')}`,
  );
  if (which !== 'postgres') {
    const dir = fs.mkdtempSync(
      path.join(
        fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(),
        'probe-cost-',
      ),
    );
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: path.join(dir, 'catalog.sqlite') },
      useNullAsDefault: true,
    });
    try {
      await measure(knex);
    } finally {
      await knex.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  if (which !== 'sqlite') {
    const name = `probe_cost_${Date.now()}_${process.pid}`;
    const admin = knexFactory({
      client: 'pg',
      connection: `${pgUrl}/postgres`,
    });
    await admin.raw(`CREATE DATABASE ${name}`);
    const knex = knexFactory({ client: 'pg', connection: `${pgUrl}/${name}` });
    try {
      await measure(knex);
    } finally {
      await knex.destroy();
      await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.destroy();
    }
  }
  console.log(
    `load average ${os
      .loadavg()
      .map(l => l.toFixed(1))
      .join(' ')}`,
  );
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
