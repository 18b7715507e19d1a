/*
 * The catalog's per-entity reference delete on SQLite, at the SQL level: the statement as the
 * catalog writes it for an entity without deferred children (`... where source_entity_ref = ? or
 * 1 = ?`, bound to (ref, 0)) against the shape @internal/plugin-catalog-backend-module-sqlite-tuning
 * runs it in, on a refresh_state_references table the size a first ingest of N services builds.
 *
 *   node --require ./node_modules/@backstage/cli-node/config/nodeTransform.cjs \
 *     bench/catalog-scale/reference-delete.ts [--services 10000] [--samples 300] [--out result.json]
 *
 * The table is the catalog's (its migration's columns and indexes) filled like generate.ts's
 * organisation: one row per entity, each under its team's Location (a team is 25 services,
 * ≈109 entities), the team Locations under the root Location. The deleted refs are components,
 * which have no children: the rows they delete are none, the time is finding that out.
 */
import Database from 'better-sqlite3';
import { rewriteReferenceDelete } from '@internal/plugin-catalog-backend-module-sqlite-tuning';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const services = Math.max(100, Math.min(100_000, Number(arg('services', '10000'))));
const samples = Math.max(10, Math.min(5_000, Number(arg('samples', '300'))));
const outFile = process.argv.includes('--out') ? arg('out', '') : undefined;
const ENTITIES_PER_SERVICE = 43_642 / 10_000; // generate.ts at 10,000 services

const CATALOG_FORM =
  'delete from `refresh_state_references` where `source_entity_ref` = ? or 1 = ?';
const tuned = rewriteReferenceDelete(CATALOG_FORM);
if (tuned === CATALOG_FORM) throw new Error('the module no longer rewrites this statement');

const dir = fs.mkdtempSync(
  path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'reference-delete-'),
);
const db = new Database(path.join(dir, 'catalog.sqlite'));
try {
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE refresh_state_references (
    id integer not null primary key autoincrement,
    source_key text null, source_entity_ref text null, target_entity_ref text not null);
    CREATE INDEX refresh_state_references_source_key_idx ON refresh_state_references (source_key);
    CREATE INDEX refresh_state_references_source_entity_ref_idx ON refresh_state_references (source_entity_ref);
    CREATE INDEX refresh_state_references_target_entity_ref_idx ON refresh_state_references (target_entity_ref);`);
  const teams = Math.ceil(services / 25);
  const rows = Math.round(services * ENTITIES_PER_SERVICE);
  const insert = db.prepare(
    'INSERT INTO refresh_state_references (source_key, source_entity_ref, target_entity_ref) VALUES (?, ?, ?)',
  );
  db.transaction(() => {
    insert.run('file-provider', null, 'location:default/root');
    for (let t = 0; t < teams; t++) {
      insert.run(null, 'location:default/root', `location:default/team-${t}`);
    }
    for (let e = 0; e < rows - teams - 1; e++) {
      insert.run(null, `location:default/team-${e % teams}`, `component:default/entity-${e}`);
    }
  })();
  db.exec('ANALYZE');

  const time = (sql: string) => {
    const statement = db.prepare(sql);
    const ms: number[] = [];
    for (let i = 0; i < samples; i++) {
      const ref = `component:default/entity-${(i * 7919) % rows}`;
      const started = process.hrtime.bigint();
      const { changes } = statement.run(ref, 0);
      ms.push(Number(process.hrtime.bigint() - started) / 1e6);
      if (changes !== 0) throw new Error(`${ref} had references`);
    }
    ms.sort((a, b) => a - b);
    const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))];
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('x', 0) as { detail: string }[]).map(
      p => p.detail,
    );
    return { p50: at(0.5), p95: at(0.95), mean: ms.reduce((a, b) => a + b, 0) / ms.length, plan };
  };
  // Alternate, so drift in the machine's load falls on both forms.
  const catalogForm = [time(CATALOG_FORM)];
  const tunedForm = [time(tuned)];
  catalogForm.push(time(CATALOG_FORM));
  tunedForm.push(time(tuned));
  const best = (runs: ReturnType<typeof time>[]) =>
    runs.reduce((a, b) => (a.p50 <= b.p50 ? a : b));
  const result = {
    services,
    rows: db.prepare('SELECT count(*) AS n FROM refresh_state_references').get(),
    samples,
    load: os.loadavg(),
    catalogForm: best(catalogForm),
    tunedForm: best(tunedForm),
    // One delete per entity during a first ingest: the time the statement alone adds.
    ingestSecondsCatalogForm: (best(catalogForm).mean * rows) / 1000,
    ingestSecondsTunedForm: (best(tunedForm).mean * rows) / 1000,
  };
  console.log(JSON.stringify(result, null, 2));
  if (outFile) fs.writeFileSync(outFile, JSON.stringify(result, null, 2));
} finally {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
