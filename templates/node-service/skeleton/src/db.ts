import knex, { type Knex } from 'knex';
import { migrationSource } from './migrations';

export function createDatabase(databaseUrl: string): Knex {
  return knex({
    client: 'pg',
    connection: databaseUrl,
    pool: { min: 0, max: 10 },
  });
}

/**
 * Brings the schema up to date. Safe with several replicas starting at once:
 * knex takes a lock row in `knex_migrations_lock`, the others wait for it.
 */
export async function migrateToLatest(db: Knex): Promise<void> {
  await db.migrate.latest({ migrationSource });
}

export async function pingDatabase(db: Knex): Promise<void> {
  await db.raw('select 1');
}
