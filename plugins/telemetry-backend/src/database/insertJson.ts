import { Knex } from 'knex';

export type JsonRow = Record<string, string | number | boolean | null>;

/** Rows per statement: the JSON parameter of one is at most a few hundred kilobytes. */
export const JSON_ROWS_PER_STATEMENT = 2000;

export function isPostgres(db: Knex): boolean {
  const client = String(db.client.config.client ?? '');
  return client === 'pg' || client.includes('postgres');
}

/**
 * `INSERT … SELECT … ON CONFLICT …` reading its rows from one JSON parameter (an array of
 * objects keyed by column). The ingest path writes hundreds of rows per statement: written as a
 * multi-row VALUES list, the statement's text grew with the rows, and preparing it (and knex
 * placing a thousand bound values in it) cost more CPU than running it. Here the text is the
 * same for any number of rows and there is one value to bind.
 *
 * - PostgreSQL: `json_populate_recordset(NULL::table, …)` types every column as the table does;
 *   rows are inserted in the array's order (WITH ORDINALITY), which callers rely on to lock
 *   rows in key order.
 * - SQLite (≥ 3.38, for `->>`): `json_each` in the array's order. `WHERE true` is how SQLite's
 *   grammar tells an upsert's ON CONFLICT apart from a join constraint.
 *
 * Identifiers (table, columns, the conflict clause) are this module's constants; values are
 * only ever in the bound JSON.
 */
export async function insertJson(
  db: Knex,
  table: string,
  columns: readonly string[],
  rows: readonly JsonRow[],
  onConflict: string,
  returning?: string,
): Promise<Array<Record<string, unknown>>> {
  if (rows.length === 0) return [];
  const out: Array<Record<string, unknown>> = [];
  const tail = `ON CONFLICT ${onConflict}${
    returning ? ` RETURNING ${returning}` : ''
  }`;
  const list = columns.join(', ');
  const sql = isPostgres(db)
    ? `INSERT INTO ${table} (${list}) SELECT ${list} ` +
      `FROM json_populate_recordset(NULL::${table}, CAST(? AS json)) WITH ORDINALITY AS r ` +
      `ORDER BY r.ordinality ${tail}`
    : `INSERT INTO ${table} (${list}) ` +
      `SELECT ${columns.map(c => `value ->> '$.${c}'`).join(', ')} ` +
      `FROM json_each(?) WHERE true ${tail}`;
  for (let i = 0; i < rows.length; i += JSON_ROWS_PER_STATEMENT) {
    const json = JSON.stringify(rows.slice(i, i + JSON_ROWS_PER_STATEMENT));
    const result = await db.raw(sql, [json]);
    // pg answers { rows }, better-sqlite3 an array.
    const answered = Array.isArray(result) ? result : result?.rows ?? [];
    for (const row of answered) out.push(row);
  }
  return out;
}
