import { Knex } from 'knex';
import { isSqlite } from './connectionPragmas';
import { setUpEveryConnection } from './everyConnection';
import { rewriteFilterQuery } from './filterQueryShape';
import { rewriteReferenceDelete } from './referenceDeleteShape';

/** Every rewrite the catalog's SQLite statements go through, in order. Each is exact or a no-op. */
export const SQLITE_STATEMENT_REWRITES: ReadonlyArray<(sql: string) => string> =
  [rewriteFilterQuery, rewriteReferenceDelete];

/** Applies SQLITE_STATEMENT_REWRITES to one statement's text. */
export function rewriteStatement(sql: string): string {
  return SQLITE_STATEMENT_REWRITES.reduce(
    (text, rewrite) => rewrite(text),
    sql,
  );
}

type PreparingConnection = { prepare?: (sql: string) => unknown };

function rewriteOnConnection(connection: PreparingConnection) {
  const prepare = connection.prepare;
  if (typeof prepare !== 'function') return;
  connection.prepare = function preparingRewritten(sql: string) {
    return prepare.call(this, rewriteStatement(sql));
  };
}

/**
 * Makes every statement this knex runs on SQLite — in transactions and outside them — reach the
 * driver through rewriteStatement: each connection's better-sqlite3 `prepare` is wrapped once
 * (setUpEveryConnection). The text knex logs and emits in 'query' events stays the catalog's own;
 * what SQLite plans is the rewritten text. Returns false when the driver has no `prepare` (the
 * `sqlite3` driver): nothing is rewritten then.
 */
export async function installStatementRewrites(knex: Knex): Promise<boolean> {
  if (!isSqlite(knex)) {
    throw new Error(
      `The catalog statement rewrites are for SQLite only, this database is ${knex.client.config.client}`,
    );
  }
  const connection = await setUpEveryConnection<PreparingConnection>(
    knex,
    'statement-rewrites',
    rewriteOnConnection,
  );
  return typeof connection.prepare === 'function';
}
