import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import knexFactory, { Knex } from 'knex';

/**
 * A fresh database for one backend of the benchmark: a SQLite file in a temp folder, or a new
 * PostgreSQL database (CATALOG_FRESHNESS_PG, default the local test server) dropped afterwards.
 */
export async function makeDatabase(
  db: 'sqlite' | 'postgres',
  label = 'catalog',
): Promise<{ knex: Knex; cleanup: () => Promise<void> }> {
  if (db === 'sqlite') {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-freshness-'));
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: path.join(tmp, 'catalog.sqlite') },
      useNullAsDefault: true,
    });
    return {
      knex,
      cleanup: async () => {
        await knex.destroy();
        fs.rmSync(tmp, { recursive: true, force: true });
      },
    };
  }
  const pgUrl =
    process.env.CATALOG_FRESHNESS_PG ?? 'postgresql://postgres@127.0.0.1:5432';
  const name = `freshness_${label.replace(/\W/g, '_')}_${Date.now()}_${
    process.pid
  }`;
  const admin = knexFactory({ client: 'pg', connection: `${pgUrl}/postgres` });
  await admin.raw(`CREATE DATABASE ${name}`);
  const knex = knexFactory({ client: 'pg', connection: `${pgUrl}/${name}` });
  return {
    knex,
    cleanup: async () => {
      await knex.destroy();
      await admin.raw(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.destroy();
    },
  };
}

/**
 * The database service for a benchmark backend: a fresh database per plugin (the catalog and
 * the events backend each run their own migrations, which collide in one PostgreSQL database).
 * `cleanup` drops them all.
 */
export function perPluginDatabase(db: 'sqlite' | 'postgres') {
  const made: Array<{ cleanup: () => Promise<void> }> = [];
  const factory = createServiceFactory({
    service: coreServices.database,
    deps: { plugin: coreServices.pluginMetadata },
    async factory({ plugin }) {
      const database = await makeDatabase(db, plugin.getId());
      made.push(database);
      return {
        getClient: async () => database.knex,
        migrations: { skip: false },
      };
    },
  });
  return {
    factory,
    cleanup: async () => {
      for (const database of made.splice(0)) await database.cleanup();
    },
  };
}
