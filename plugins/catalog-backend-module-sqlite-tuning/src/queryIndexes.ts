import { Knex } from 'knex';
import { isSqlite } from './connectionPragmas';

/**
 * Partial indexes on the catalog's `final_entities` table, SQLite only.
 *
 * Every filtered catalog query (`/entities/by-query?filter=relations.ownedBy=…`, `/entities?filter=…`,
 * their total counts) has the shape
 *
 *   SELECT … FROM final_entities WHERE final_entity IS NOT NULL
 *     AND EXISTS (SELECT 1 FROM search WHERE search.entity_id = final_entities.entity_id AND key = ? AND value = ?)
 *   ORDER BY entity_id | entity_ref LIMIT n          (and the same with count(*))
 *
 * PostgreSQL turns the EXISTS into a semi-join driven by the search index (≈3 ms at 44k entities).
 * SQLite never flattens a correlated EXISTS: EXPLAIN QUERY PLAN shows `SCAN final_entities` with
 * the search probe per row, and `final_entity IS NOT NULL` makes it read every row — the stitched
 * JSON body, kilobytes on overflow pages — just to test it for NULL. That is the ≈390 ms "relation
 * query cliff" at 10,000 services. With these indexes the scan walks a small index whose entries
 * are exactly the stitched entities, in the order the query wants, and reads a body only for the
 * rows it returns. The scan stays linear in the catalog's size (the planner cannot avoid it), but
 * its cost per row drops to one index probe.
 */
export const SQLITE_QUERY_INDEXES: ReadonlyArray<{
  name: string;
  sql: string;
}> = [
  {
    // by-query without a sort field (ORDER BY entity_id) and every total count.
    name: 'strata_final_entities_stitched_id_idx',
    sql: 'CREATE INDEX IF NOT EXISTS strata_final_entities_stitched_id_idx ON final_entities (entity_id) WHERE final_entity IS NOT NULL',
  },
  {
    // GET /entities?filter=… (ORDER BY entity_ref). entity_id is in the index because the search
    // probe needs it: without it every scanned row is looked up in the table (measured: no gain).
    name: 'strata_final_entities_stitched_ref_id_idx',
    sql: 'CREATE INDEX IF NOT EXISTS strata_final_entities_stitched_ref_id_idx ON final_entities (entity_ref, entity_id) WHERE final_entity IS NOT NULL',
  },
];

/**
 * Creates SQLITE_QUERY_INDEXES (idempotent) and refreshes the planner's statistics for the
 * table. Needs the catalog's migrations to have run (a startup hook, after plugin init).
 */
export async function createQueryIndexes(knex: Knex): Promise<string[]> {
  if (!isSqlite(knex)) {
    throw new Error(
      `The catalog's SQLite query indexes apply to SQLite only, this database is ${knex.client.config.client}`,
    );
  }
  if (!(await knex.schema.hasTable('final_entities'))) {
    throw new Error(
      'The catalog table final_entities does not exist: the catalog plugin must be installed and its migrations run before its SQLite indexes are created',
    );
  }
  for (const index of SQLITE_QUERY_INDEXES) {
    await knex.raw(index.sql);
  }
  return SQLITE_QUERY_INDEXES.map(i => i.name);
}
