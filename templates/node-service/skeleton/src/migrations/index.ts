/**
 * The migrations, listed in code rather than found by scanning a folder: the
 * compiled service then runs the same migrations wherever it is started from
 * (dist/, a container, a test) and a new file cannot be picked up by accident.
 * Add new ones at the end; never edit one that has run in production.
 */
import type { Knex } from 'knex';
import * as init from './0001_init';

type Migration = Knex.Migration;

const migrations: Record<string, Migration> = {
  '0001_init': init,
};

export const migrationSource: Knex.MigrationSource<string> = {
  getMigrations: async () => Object.keys(migrations),
  getMigrationName: name => name,
  getMigration: async name => migrations[name],
};
