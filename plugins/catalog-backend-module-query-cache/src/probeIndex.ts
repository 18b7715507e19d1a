import { Knex } from 'knex';
import { databaseKind } from './databaseKind';

/**
 * The index that makes the generation probe's `max(last_updated_at)` a lookup instead of a scan.
 * On SQLite the scan reads every stitched body (the column sits after `final_entity` in the row):
 * 317 ms at 50,000 entities against well under a millisecond with the index (README, "Cost of the
 * probe"). On PostgreSQL it turns a 20 ms sequential scan into an index lookup.
 */
export const PROBE_INDEX = 'strata_final_entities_last_updated_idx';

/**
 * Before the catalog's migrations (the module's init runs before the catalog's): SQLite refuses
 * to drop or alter a column an index uses, so the index is never there when a catalog upgrade
 * migrates `final_entities`; the startup hook creates it again. PostgreSQL drops or rebuilds
 * dependent indexes itself, so it keeps the index.
 */
export async function dropProbeIndexBeforeMigrations(knex: Knex) {
  if (databaseKind(knex) === 'sqlite') {
    await knex.raw(`DROP INDEX IF EXISTS ${PROBE_INDEX}`);
  }
}

/** After the catalog's migrations (a startup hook). Returns whether the index is in place. */
export async function createProbeIndex(knex: Knex): Promise<boolean> {
  switch (databaseKind(knex)) {
    case 'sqlite':
      await knex.raw(
        `CREATE INDEX IF NOT EXISTS ${PROBE_INDEX} ON final_entities (last_updated_at)`,
      );
      return true;
    case 'postgres':
      // CONCURRENTLY: the catalog keeps writing while the index is built (replicas may race to
      // build it; IF NOT EXISTS makes the later ones no-ops).
      await knex.raw(
        `CREATE INDEX CONCURRENTLY IF NOT EXISTS ${PROBE_INDEX} ON final_entities (last_updated_at)`,
      );
      return true;
    default:
      return false;
  }
}
