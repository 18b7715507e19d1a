/* eslint-disable jest/no-export -- a test helper: it declares the describe/it blocks its callers need */
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';

/** One table a plugin's migrations create, with a row that must survive a repeated `latest`. */
export interface MigratedTable {
  table: string;
  row: Record<string, unknown>;
  /** The columns compared after the repeated `latest` (the primary key and one more). */
  columns: string[];
}

/**
 * Declares the migrations test every plugin with a `migrations/` folder needs, on SQLite and
 * PostgreSQL: `latest` creates the tables, a second `latest` keeps their rows (a restart never
 * loses data), and rolling everything back drops them (the down migrations work).
 * Call it at the top level of a test file.
 */
export function describeMigrations(
  pluginPackage: string,
  tables: MigratedTable[],
) {
  const directory = resolvePackagePath(pluginPackage, 'migrations');

  describe(`${pluginPackage} migrations`, () => {
    const databases = TestDatabases.create({
      ids: ['SQLITE_3', 'POSTGRES_15'],
    });

    it.each(databases.eachSupportedId())(
      'go up, keep rows on a repeated up, and come down on %s',
      async databaseId => {
        const knex = await databases.init(databaseId);
        await knex.migrate.latest({ directory });
        for (const { table, row } of tables) {
          await knex(table).insert(row);
        }
        await knex.migrate.latest({ directory });
        for (const { table, row, columns } of tables) {
          const expected = Object.fromEntries(columns.map(c => [c, row[c]]));
          expect(await knex(table).select(...columns)).toEqual([expected]);
        }

        await knex.migrate.rollback({ directory }, true);
        for (const { table } of tables) {
          expect(await knex.schema.hasTable(table)).toBe(false);
        }
      },
    );
  });
}
