import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { applyConnectionPragmas, isSqlite } from './connectionPragmas';
import { createQueryIndexes } from './queryIndexes';
import { installStatementRewrites } from './statementRewrites';

/**
 * Catalog module for the embedded SQLite default (bench/README.md, catalog scale): connection
 * settings for the catalog's many small write transactions, filtered reads in a shape SQLite
 * answers from its indexes, and partial indexes that keep the remaining scans off the entity
 * bodies. On any other database it does nothing (PostgreSQL's
 * planner already answers those queries from its indexes).
 */
export const catalogModuleSqliteTuning = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'sqlite-tuning',
  register(reg) {
    reg.registerInit({
      deps: {
        database: coreServices.database,
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
      },
      async init({ database, logger, lifecycle }) {
        // The same knex the catalog gets: the database service hands one client per plugin.
        const knex = await database.getClient();
        if (!isSqlite(knex)) {
          logger.info(
            `Catalog database is ${knex.client.config.client}, not SQLite: no SQLite tuning applied`,
          );
          return;
        }
        // Before the catalog's own init, so its migrations and first ingest run with them.
        const pragmas = await applyConnectionPragmas(knex);
        logger.info(`SQLite connection settings: ${JSON.stringify(pragmas)}`);
        // Statements SQLite would answer with a scan, in shapes it answers from an index:
        // filtered reads (filterQueryShape.ts) and the per-entity reference delete
        // (referenceDeleteShape.ts).
        if (!(await installStatementRewrites(knex))) {
          logger.warn(
            'SQLite driver without prepare(): catalog statements run as the catalog writes them',
          );
        }
        // The catalog creates its tables in its init, which runs after this module's.
        lifecycle.addStartupHook(async () => {
          const created = await createQueryIndexes(knex);
          logger.info(`SQLite query indexes in place: ${created.join(', ')}`);
        });
      },
    });
  },
});
