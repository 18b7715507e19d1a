import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';
import { Knex } from 'knex';

/**
 * A database service factory for `startTestBackend` that gives every plugin its own fresh
 * database on the chosen engine, as a real backend does.
 *
 * Why not `mockServices.database.factory({ knex })`: that hands one connection to every plugin,
 * and two plugins with knex migrations (the catalog and the scaffolder, say) then share one
 * `knex_migrations` table and refuse to start ("migration directory is corrupt").
 * `TestDatabases.init` creates a new database on each call (a new PostgreSQL database, a new
 * in-memory SQLite), so one call per plugin is enough.
 */
export function perPluginDatabases(
  databases: TestDatabases,
  databaseId: TestDatabaseId,
  options?: {
    /** Called once with each plugin's client, e.g. to watch its queries. */
    onClient?: (knex: Knex, pluginId: string) => void;
  },
) {
  const clients = new Map<string, Promise<Knex>>();
  return createServiceFactory({
    service: coreServices.database,
    deps: { pluginMetadata: coreServices.pluginMetadata },
    factory({ pluginMetadata }) {
      const pluginId = pluginMetadata.getId();
      return {
        getClient() {
          if (!clients.has(pluginId)) {
            clients.set(
              pluginId,
              databases.init(databaseId).then(knex => {
                options?.onClient?.(knex, pluginId);
                return knex;
              }),
            );
          }
          return clients.get(pluginId)!;
        },
      };
    },
  });
}
