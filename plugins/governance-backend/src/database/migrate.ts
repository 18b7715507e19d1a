import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

/** The plugin's knex client, migrated to the latest schema unless the deployment skips migrations. */
export async function governanceDatabase(
  database: DatabaseService,
): Promise<Knex> {
  const client = await database.getClient();
  if (!database.migrations?.skip) {
    await client.migrate.latest({
      directory: resolvePackagePath(
        '@internal/plugin-governance-backend',
        'migrations',
      ),
    });
  }
  return client;
}
