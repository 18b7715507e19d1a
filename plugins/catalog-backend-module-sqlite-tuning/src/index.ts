/**
 * Catalog backend module that tunes the catalog's embedded SQLite database: connection settings
 * for bulk writes (WAL, synchronous NORMAL, a larger page cache) and partial indexes that keep
 * filtered catalog queries from reading every entity body. A no-op on PostgreSQL.
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
