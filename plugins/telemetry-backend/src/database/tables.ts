import { Knex } from 'knex';
import { EdgeDelta } from '../aggregate/graph';
import { BUCKET_COLUMNS } from '../aggregate/histogram';
import { RedDelta } from '../aggregate/minutes';

export const RED_MINUTES = 'telemetry_red_minutes';
export const RED_HOURS = 'telemetry_red_hours';
export const EDGE_MINUTES = 'telemetry_edge_minutes';
export const EDGE_HOURS = 'telemetry_edge_hours';
export const SEEN_SPANS = 'telemetry_seen_spans';
export const PENDING_PAIRS = 'telemetry_pending_pairs';
export const TRACE_SAMPLES = 'telemetry_trace_samples';
export const SAMPLE_SPANS = 'telemetry_sample_spans';
export const STATE = 'telemetry_state';

/** telemetry_state key: minutes before this (epoch ms, an hour start) are rolled up into hours. */
export const ROLLED_UP_UNTIL = 'rolled_up_until';

export function isPostgres(db: Knex): boolean {
  const client = String(db.client.config.client ?? '');
  return client === 'pg' || client.includes('postgres');
}

/** Rows per INSERT: well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
export const ROWS_PER_STATEMENT = 250;

function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * A multi-row `INSERT … VALUES … ON CONFLICT …` written directly: the ingest path's statements
 * carry hundreds of rows, and building them through knex's query builder cost more CPU than
 * running them. Same SQL on PostgreSQL and SQLite (≥ 3.35: upsert and RETURNING); values are
 * bound, identifiers are this module's constants.
 */
export async function insertValues(
  db: Knex,
  table: string,
  columns: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | boolean | null>>,
  onConflict: string,
  returning?: string,
): Promise<Array<Record<string, unknown>>> {
  if (rows.length === 0) return [];
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const sql =
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${rows.map(() => tuple).join(', ')} ` +
    `ON CONFLICT ${onConflict}${returning ? ` RETURNING ${returning}` : ''}`;
  const result = await db.raw(sql, rows.flat() as Knex.Value[]);
  // pg answers { rows }, better-sqlite3 an array.
  return Array.isArray(result) ? result : (result?.rows ?? []);
}

/** `table.col + excluded.col` for each column: an upsert that adds (PostgreSQL and SQLite). */
function addExcluded(db: Knex, table: string, columns: readonly string[]) {
  return Object.fromEntries(
    columns.map(c => [c, db.raw('?? + excluded.??', [`${table}.${c}`, c])]),
  );
}

export function redRow(d: RedDelta): Record<string, string | number> {
  const row: Record<string, string | number> = {
    service_name: d.serviceName,
    operation: d.operation,
    bucket: d.bucketMs,
    requests: d.requests,
    errors: d.errors,
    duration_sum_ms: d.durationSumMs,
  };
  BUCKET_COLUMNS.forEach((c, i) => {
    row[c] = d.buckets[i];
  });
  return row;
}

/**
 * Adds the deltas to the table's rows (inserting missing ones). Rows go in key order, so two
 * transactions adding to overlapping rows lock them in the same order and never deadlock.
 */
export async function upsertAddRed(db: Knex, table: string, deltas: readonly RedDelta[]) {
  if (deltas.length === 0) return;
  const keyOf = (d: RedDelta) => `${d.serviceName}\u0000${d.bucketMs}\u0000${d.operation}`;
  const rows = [...deltas]
    .sort((a, b) => compareKeys(keyOf(a), keyOf(b)))
    .map(redRow);
  const columns = Object.keys(rows[0]);
  const added = ['requests', 'errors', 'duration_sum_ms', ...BUCKET_COLUMNS];
  const set = added.map(c => `${c} = ${table}.${c} + excluded.${c}`).join(', ');
  for (const chunk of chunks(rows, ROWS_PER_STATEMENT / 2)) {
    await insertValues(
      db,
      table,
      columns,
      chunk.map(r => columns.map(c => r[c])),
      `(service_name, bucket, operation) DO UPDATE SET ${set}`,
    );
  }
}

export async function upsertAddEdges(db: Knex, table: string, deltas: readonly EdgeDelta[]) {
  if (deltas.length === 0) return;
  const pg = isPostgres(db);
  const least = pg ? 'LEAST' : 'MIN';
  const greatest = pg ? 'GREATEST' : 'MAX';
  const rows = [...deltas]
    .sort((a, b) => {
      const ka = `${a.bucketMs}\u0000${a.source}\u0000${a.target}\u0000${a.kind}`;
      const kb = `${b.bucketMs}\u0000${b.source}\u0000${b.target}\u0000${b.kind}`;
      return compareKeys(ka, kb);
    })
    .map(d => ({
      source: d.source,
      target: d.target,
      kind: d.kind,
      bucket: d.bucketMs,
      count: d.count,
      errors: d.errors,
      first_seen: Math.floor(d.firstSeenMs),
      last_seen: Math.ceil(d.lastSeenMs),
    }));
  for (const chunk of chunks(rows, ROWS_PER_STATEMENT)) {
    await db(table)
      .insert(chunk)
      .onConflict(['bucket', 'source', 'target', 'kind'])
      .merge({
        ...addExcluded(db, table, ['count', 'errors']),
        first_seen: db.raw(`${least}(??, excluded.first_seen)`, [`${table}.first_seen`]),
        last_seen: db.raw(`${greatest}(??, excluded.last_seen)`, [`${table}.last_seen`]),
      });
  }
}

export async function readState(db: Knex, key: string): Promise<number | undefined> {
  const row = await db(STATE).where({ key }).first('value');
  return row ? Number(row.value) : undefined;
}

export async function writeState(db: Knex, key: string, value: number) {
  await db(STATE).insert({ key, value }).onConflict('key').merge({ value });
}
