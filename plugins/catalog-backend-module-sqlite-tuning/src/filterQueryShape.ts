/**
 * The catalog's filter condition, as catalog-backend 4 writes it for every field filter on
 * final_entities (applyPredicateEntityFilterToQuery → searchExists): a correlated EXISTS.
 */
const CORRELATED_FILTER =
  'exists (select 1 from `search` as `search_flt` where `search_flt`.`entity_id` = `final_entities`.`entity_id` and ';

/**
 * The same condition as an uncorrelated IN. `entity_id IS NOT NULL` keeps it exactly equivalent,
 * also under NOT: final_entities.entity_id is never NULL, so with no NULL in the list the IN is
 * true or false, never unknown, like the EXISTS.
 */
const UNCORRELATED_FILTER =
  '`final_entities`.`entity_id` in (select `search_flt`.`entity_id` from `search` as `search_flt` where `search_flt`.`entity_id` is not null and ';

/**
 * Rewrites the catalog's correlated filter into the uncorrelated IN form; any other SQL is
 * returned unchanged. No bind parameter is in the rewritten text, so the bindings stay as they are.
 *
 * Why: SQLite never flattens a correlated EXISTS. It scans final_entities and probes `search`
 * per row — linear in the catalog's size (≈390 ms per relation query at 10,000 services). With
 * the IN it reads the matching entity ids from search (key, value, entity_id) and looks each up
 * (EXPLAIN QUERY PLAN: LIST SUBQUERY … SEARCH search_flt USING COVERING INDEX
 * search_key_value_entity_idx; SEARCH final_entities … (entity_id=?)): about a millisecond.
 * PostgreSQL already plans the EXISTS as this semi-join, so this is for SQLite only.
 */
export function rewriteFilterQuery(sql: string): string {
  return sql.includes(CORRELATED_FILTER)
    ? sql.split(CORRELATED_FILTER).join(UNCORRELATED_FILTER)
    : sql;
}
