import { Knex } from 'knex';
import { EdgeDelta } from '../aggregate/graph';
import { BUCKET_COLUMNS } from '../aggregate/histogram';
import { RedDelta } from '../aggregate/minutes';
import { insertJson, isPostgres } from './insertJson';

export { isPostgres };

export const RED_MINUTES = 'telemetry_red_minutes';
export const RED_HOURS = 'telemetry_red_hours';
export const EDGE_MINUTES = 'telemetry_edge_minutes';
export const EDGE_HOURS = 'telemetry_edge_hours';
export const SEEN_SPANS = 'telemetry_seen_spans';
export const PENDING_PAIRS = 'telemetry_pending_pairs';
export const PENDING_RECEIVERS = 'telemetry_pending_receivers';
export const TRACE_SAMPLES = 'telemetry_trace_samples';
export const SAMPLE_SPANS = 'telemetry_sample_spans';
export const STATE = 'telemetry_state';

/** telemetry_state key: minutes before this (epoch ms, an hour start) are rolled up into hours. */
export const ROLLED_UP_UNTIL = 'rolled_up_until';

function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
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
  const added = ['requests', 'errors', 'duration_sum_ms', ...BUCKET_COLUMNS];
  const set = added.map(c => `${c} = ${table}.${c} + excluded.${c}`).join(', ');
  await insertJson(
    db,
    table,
    Object.keys(rows[0]),
    rows,
    `(service_name, bucket, operation) DO UPDATE SET ${set}`,
  );
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
  await insertJson(
    db,
    table,
    Object.keys(rows[0]),
    rows,
    '(bucket, source, target, kind) DO UPDATE SET ' +
      `count = ${table}.count + excluded.count, ` +
      `errors = ${table}.errors + excluded.errors, ` +
      `first_seen = ${least}(${table}.first_seen, excluded.first_seen), ` +
      `last_seen = ${greatest}(${table}.last_seen, excluded.last_seen)`,
  );
}

export async function readState(db: Knex, key: string): Promise<number | undefined> {
  const row = await db(STATE).where({ key }).first('value');
  return row ? Number(row.value) : undefined;
}

export async function writeState(db: Knex, key: string, value: number) {
  await db(STATE).insert({ key, value }).onConflict('key').merge({ value });
}
