/*
 * The SQLite relation-query cliff, at the SQL level: the catalog's own statement shapes for a
 * filtered query (by-query page, its total count, GET /entities?filter=…) timed on a catalog
 * SQLite file as the catalog writes them (`before`), with the partial indexes of
 * @internal/plugin-catalog-backend-module-sqlite-tuning (`after`) and, with those, rewritten as
 * that module's client runs them (`rewritten`), with SQLite's plan for each.
 *
 *   node --require ./node_modules/@backstage/cli-node/config/nodeTransform.cjs \
 *     bench/catalog-scale/relation-plan.ts --db FILE [--replicate K] [--samples 50] [--out result.json]
 *
 * FILE is a loaded catalog (ingest.ts --keep-sqlite); it is copied, never changed. --replicate K
 * adds K-1 copies of every stitched entity's final_entities and search rows under new ids (same
 * bodies and keys, values suffixed) to reach a larger catalog without ingesting it: the plan and
 * the per-row costs are what matter here, and they depend on row count and body size only.
 */
import Database from 'better-sqlite3';
import {
  rewriteFilterQuery,
  SQLITE_QUERY_INDEXES,
} from '@internal/plugin-catalog-backend-module-sqlite-tuning';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && process.argv[i + 1]) return process.argv[i + 1];
  if (fallback === undefined) throw new Error(`--${name} is required`);
  return fallback;
}

const source = path.resolve(arg('db'));
const replicate = Math.max(1, Math.min(20, Number(arg('replicate', '1'))));
const samples = Math.max(5, Math.min(500, Number(arg('samples', '50'))));
const outFile = process.argv.includes('--out') ? arg('out') : undefined;
const tmp = fs.mkdtempSync(path.join(fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir(), 'relation-plan-'));
const file = path.join(tmp, 'catalog.sqlite');
fs.copyFileSync(source, file);
const db = new Database(file);

try {
  if (replicate > 1) {
    const copy = db.transaction((k: number) => {
      db.prepare(
        `INSERT INTO final_entities (entity_id, entity_ref, final_entity, hash, last_updated_at)
         SELECT entity_id || '-r' || ?, entity_ref || '-r' || ?, final_entity, hash, last_updated_at
         FROM final_entities WHERE final_entity IS NOT NULL AND entity_id NOT LIKE '%-r%'`,
      ).run(k, k);
      db.prepare(
        `INSERT INTO search (entity_id, key, value, original_value)
         SELECT entity_id || '-r' || ?, key, CASE WHEN key LIKE 'relations.%' THEN value || '-r' || ? ELSE value END, original_value
         FROM search WHERE entity_id NOT LIKE '%-r%'`,
      ).run(k, k);
    });
    const columns = (db.prepare(`PRAGMA table_info(final_entities)`).all() as { name: string }[]).map(c => c.name);
    if (columns.sort().join() !== 'entity_id,entity_ref,final_entity,hash,last_updated_at') throw new Error(`final_entities has columns ${columns.join(', ')}: this script knows catalog-backend 4's`);
    db.pragma('foreign_keys = OFF'); // search rows of copies point at copies, inserted first
    for (let k = 1; k < replicate; k++) copy(k);
  }
  const stitched = (db.prepare('SELECT count(*) AS n FROM final_entities WHERE final_entity IS NOT NULL').get() as { n: number }).n;
  const targets = (
    db
      .prepare(`SELECT DISTINCT value FROM search WHERE key = 'relations.dependencyof' AND value NOT LIKE '%-r%' ORDER BY value LIMIT ?`)
      .all(samples) as { value: string }[]
  ).map(r => r.value);
  if (targets.length === 0) throw new Error(`no relations.dependencyof rows in ${source}: is it a loaded catalog?`);

  const exists = `exists (select 1 from \`search\` as \`search_flt\` where \`search_flt\`.\`entity_id\` = \`final_entities\`.\`entity_id\` and \`search_flt\`.\`key\` = ? and \`search_flt\`.\`value\` = ?)`;
  const shapes: Record<string, string> = {
    'by-query page': `with \`filtered\` (\`entity_id\`, \`final_entity\`) as (select \`final_entities\`.\`entity_id\` as \`entity_id\`, \`final_entities\`.\`final_entity\` as \`final_entity\` from \`final_entities\` where \`final_entity\` is not null and (${exists})) select * from \`filtered\` order by \`filtered\`.\`entity_id\` asc limit ?`,
    'by-query count': `select count(*) as \`count\` from \`final_entities\` where \`final_entities\`.\`final_entity\` is not null and (${exists})`,
    'entities?filter': `select \`final_entities\`.* from \`final_entities\` where \`final_entities\`.\`final_entity\` is not null and (${exists}) order by \`final_entities\`.\`entity_ref\` asc`,
  };
  const bind = (shape: string, value: string) =>
    shape === 'by-query page' ? ['relations.dependencyof', value, 21] : ['relations.dependencyof', value];

  const measure = (rewrite = false) => {
    const out: Record<string, unknown> = {};
    for (const [shape, written] of Object.entries(shapes)) {
      const sql = rewrite ? rewriteFilterQuery(written) : written;
      const statement = db.prepare(sql);
      const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...bind(shape, targets[0])) as { detail: string }[]).map(p => p.detail);
      for (const t of targets.slice(0, 3)) statement.all(...bind(shape, t)); // warm-up
      const times: number[] = [];
      for (const t of targets) {
        const s = performance.now();
        statement.all(...bind(shape, t));
        times.push(performance.now() - s);
      }
      times.sort((a, b) => a - b);
      out[shape] = {
        p50: +times[Math.floor(times.length / 2)].toFixed(2),
        p95: +times[Math.ceil(times.length * 0.95) - 1].toFixed(2),
        plan,
      };
    }
    return out;
  };

  const before = measure();
  for (const index of SQLITE_QUERY_INDEXES) db.exec(index.sql);
  const after = measure();
  const rewritten = measure(true);
  const result = { source, replicate, stitchedEntities: stitched, samples: targets.length, loadavg: os.loadavg().map(l => +l.toFixed(2)), before, after, rewritten };
  if (outFile) fs.writeFileSync(outFile, `${JSON.stringify(result)}\n`);
  console.log(`RESULT ${JSON.stringify(result)}`);
} finally {
  db.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
