/**
 * Catalog backend module that tunes the catalog's embedded SQLite database: connection settings
 * for bulk writes (WAL, synchronous NORMAL, a larger page cache), filtered catalog reads (relation
 * queries) rewritten from a correlated EXISTS to an IN that SQLite answers from the search index,
 * the per-entity reference delete in a shape SQLite answers from its index,
 * and partial indexes that keep the remaining scans off the entity bodies. A no-op on PostgreSQL.
 *
 * @packageDocumentation
 */

export { catalogModuleSqliteTuning as default } from './module';
export {
  applyConnectionPragmas,
  isSqlite,
  readConnectionPragmas,
  SQLITE_CONNECTION_PRAGMAS,
} from './connectionPragmas';
export { createQueryIndexes, SQLITE_QUERY_INDEXES } from './queryIndexes';
export { rewriteFilterQuery } from './filterQueryShape';
export { rewriteReferenceDelete } from './referenceDeleteShape';
export {
  installStatementRewrites,
  rewriteStatement,
  SQLITE_STATEMENT_REWRITES,
} from './statementRewrites';
