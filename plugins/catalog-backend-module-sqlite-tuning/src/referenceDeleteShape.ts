/**
 * The statement the catalog runs once per processed entity to replace the entity's deferred
 * children (DefaultProcessingDatabase.updateProcessedEntity), when the entity has none — most
 * entities: knex writes the empty `orWhereIn('target_entity_ref', [])` as `or 1 = ?` bound to 0.
 */
const REFERENCE_DELETE =
  'delete from `refresh_state_references` where `source_entity_ref` = ? or 1 = ?';

/**
 * The same rows, as two branches SQLite plans separately: the entity's own references through
 * `refresh_state_references_source_entity_ref_idx`, and `1 = ?`, a constant SQLite tests once
 * before reading anything (false with the catalog's binding, so that branch reads no row; were it
 * ever true it would select every row, exactly as the original's OR would). Same bindings, same
 * order.
 */
const REFERENCE_DELETE_BY_INDEX =
  'delete from `refresh_state_references` where `id` in (' +
  'select `id` from `refresh_state_references` where `source_entity_ref` = ? ' +
  'union all select `id` from `refresh_state_references` where 1 = ?)';

/**
 * Rewrites the catalog's reference delete so SQLite finds the rows by index; any other SQL is
 * returned unchanged.
 *
 * Why: SQLite cannot use an index for `a = ? OR <constant>` (its OR optimisation needs every
 * term indexable), so it scans the whole table for each processed entity. During a first ingest
 * of 10,000 services (43,642 entities, bench/README.md) that one statement took 407 of the 597
 * seconds spent in SQL. PostgreSQL folds the constant and uses the index: SQLite only.
 */
export function rewriteReferenceDelete(sql: string): string {
  return sql === REFERENCE_DELETE ? REFERENCE_DELETE_BY_INDEX : sql;
}
