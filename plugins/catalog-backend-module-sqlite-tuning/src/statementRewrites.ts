import { Knex } from 'knex';
import { isSqlite } from './connectionPragmas';
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

const REWRITING = Symbol.for('strata.sqliteTuning.rewritingPrepare');

type PreparingConnection = {
  prepare?: (sql: string) => unknown;
  [REWRITING]?: true;
};

type AcquiringClient = {
  acquireConnection(): Promise<PreparingConnection>;
};

function rewriteOnConnection(connection: PreparingConnection) {
  if (connection[REWRITING] || typeof connection.prepare !== 'function') {
    return;
  }
  const prepare = connection.prepare;
  connection.prepare = function preparingRewritten(sql: string) {
    return prepare.call(this, rewriteStatement(sql));
  };
  connection[REWRITING] = true;
}

/**
 * Makes every statement this knex runs on SQLite — in transactions and outside them — reach the
 * driver through rewriteStatement. It wraps the client's acquireConnection, which knex calls for
 * plain queries and for each transaction alike (transactions run on the parent client's pooled
 * connection), and wraps that connection's better-sqlite3 `prepare` once. The text knex logs and
 * emits in 'query' events stays the catalog's own; what SQLite plans is the rewritten text.
 * Returns false when the driver has no `prepare` (the `sqlite3` driver): nothing is rewritten then.
 */
export async function installStatementRewrites(knex: Knex): Promise<boolean> {
  if (!isSqlite(knex)) {
    throw new Error(
      `The catalog statement rewrites are for SQLite only, this database is ${knex.client.config.client}`,
    );
  }
  const client = knex.client as unknown as AcquiringClient;
  const acquire = client.acquireConnection;
  client.acquireConnection = async function acquiringRewritten() {
    const connection = await acquire.call(this);
    rewriteOnConnection(connection);
    return connection;
  };
  // The connection the pool already holds, and whether this driver can be rewritten at all.
  const connection = await client.acquireConnection();
  await knex.client.releaseConnection(connection);
  return connection[REWRITING] === true;
}
