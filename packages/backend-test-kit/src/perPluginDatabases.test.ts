import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { startTestBackend, TestDatabases } from '@backstage/backend-test-utils';
import { perPluginDatabases } from './perPluginDatabases';

jest.setTimeout(60_000);

/** A plugin that creates the same table name as its sibling and writes its own id into it. */
function pluginWritingItsId(pluginId: string, seen: Map<string, string[]>) {
  return createBackendPlugin({
    pluginId,
    register(env) {
      env.registerInit({
        deps: { database: coreServices.database },
        async init({ database }) {
          const knex = await database.getClient();
          await knex.schema.createTable('knex_migrations', table => {
            table.string('owner');
          });
          await knex('knex_migrations').insert({ owner: pluginId });
          const again = await database.getClient();
          seen.set(
            pluginId,
            (await again('knex_migrations').select('owner')).map(r => r.owner),
          );
        },
      });
    },
  });
}

const databases = TestDatabases.create();

describe.each(databases.eachSupportedId())(
  'perPluginDatabases on %s',
  databaseId => {
    it('gives each plugin its own database, and the same one on every getClient', async () => {
      const seen = new Map<string, string[]>();
      const backend = await startTestBackend({
        features: [
          perPluginDatabases(databases, databaseId),
          pluginWritingItsId('first', seen),
          pluginWritingItsId('second', seen),
        ],
      });
      try {
        expect(seen.get('first')).toEqual(['first']);
        expect(seen.get('second')).toEqual(['second']);
      } finally {
        await backend.stop();
      }
    });
  },
);
