import { Knex } from 'knex';
import { setUpEveryConnection } from './everyConnection';

/**
 * Per-connection SQLite settings for the catalog's embedded database. SQLite's defaults are
 * tuned for a small, durable-on-every-commit file; the catalog commits thousands of small
 * transactions while it ingests and reads a table of large JSON bodies on every list, so:
 *
 * - `journal_mode = WAL`: a commit appends to the log instead of writing and deleting a
 *   rollback journal (two fsyncs per transaction); stored in the file, so it stays on.
 *   In-memory databases answer `memory` and keep it.
 * - `synchronous = NORMAL`: with WAL, no fsync per commit (only at checkpoints). A power cut
 *   can lose the last commits, never corrupt the file; the catalog re-reads its sources anyway.
 * - `cache_size = -65536` (64 MiB, the default is 2 MiB): at 10,000 services the search index
 *   alone is ~100 MiB; a 2 MiB cache re-reads its upper levels from the OS on every probe.
 * - `temp_store = MEMORY`: sorts and temporary B-trees of facet queries stay off the disk.
 */
export const SQLITE_CONNECTION_PRAGMAS: ReadonlyArray<{
  pragma: string;
  value: string;
}> = [
  { pragma: 'journal_mode', value: 'WAL' },
  { pragma: 'synchronous', value: 'NORMAL' },
  { pragma: 'cache_size', value: '-65536' },
  { pragma: 'temp_store', value: 'MEMORY' },
];

/** True when the knex client talks to SQLite (better-sqlite3 or sqlite3). */
export function isSqlite(knex: Knex): boolean {
  return String(knex.client.config.client).includes('sqlite');
}

/** Minimal shape of a better-sqlite3 / sqlite3 connection as knex's pool hands it out. */
type RawSqliteConnection = {
  pragma?: (source: string) => unknown;
  run?: (sql: string, callback: () => void) => void;
};

/** Applies the pragmas on a raw connection, by driver. */
function applyOnRawConnection(connection: RawSqliteConnection) {
  for (const { pragma, value } of SQLITE_CONNECTION_PRAGMAS) {
    if (typeof connection.pragma === 'function') {
      connection.pragma(`${pragma} = ${value}`);
    } else if (typeof connection.run === 'function') {
      connection.run(`PRAGMA ${pragma} = ${value}`, () => {});
    }
  }
}

/**
 * Applies SQLITE_CONNECTION_PRAGMAS to the pooled connection now and to every connection the
 * pool creates later (knex's SQLite pool holds one connection, but replaces it after an error).
 * Returns the values SQLite reports afterwards.
 */
export async function applyConnectionPragmas(
  knex: Knex,
): Promise<Record<string, string>> {
  if (!isSqlite(knex)) {
    throw new Error(
      `SQLite connection settings apply to SQLite only, this database is ${knex.client.config.client}`,
    );
  }
  await setUpEveryConnection(knex, 'pragmas', applyOnRawConnection);
  return readConnectionPragmas(knex);
}

/** What SQLite reports for each of SQLITE_CONNECTION_PRAGMAS on the pooled connection. */
export async function readConnectionPragmas(
  knex: Knex,
): Promise<Record<string, string>> {
  const values: Record<string, string> = {};
  for (const { pragma } of SQLITE_CONNECTION_PRAGMAS) {
    const rows = (await knex.raw(`PRAGMA ${pragma}`)) as Record<
      string,
      unknown
    >[];
    values[pragma] = String(Object.values(rows[0] ?? {})[0]);
  }
  return values;
}
