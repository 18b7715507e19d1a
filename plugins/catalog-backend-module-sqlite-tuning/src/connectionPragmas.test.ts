import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyConnectionPragmas, isSqlite } from './connectionPragmas';

describe('applyConnectionPragmas', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-tuning-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('turns a file database to WAL with synchronous NORMAL, a 64 MiB cache and in-memory temp storage', async () => {
    const file = path.join(dir, 'catalog.sqlite');
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: file },
      useNullAsDefault: true,
    });
    try {
      expect(await applyConnectionPragmas(knex)).toEqual({
        journal_mode: 'wal',
        synchronous: '1', // NORMAL
        cache_size: '-65536',
        temp_store: '2', // MEMORY
      });
      await knex.schema.createTable('t', t => t.integer('id'));
      await knex('t').insert({ id: 1 });
      // WAL is kept in the file: the log exists next to it while the connection is open.
      expect(fs.existsSync(`${file}-wal`)).toBe(true);
    } finally {
      await knex.destroy();
    }
    // A new connection to the same file (a restart) finds WAL still on.
    const again = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: file },
      useNullAsDefault: true,
    });
    try {
      const [row] = await again.raw('PRAGMA journal_mode');
      expect(row.journal_mode).toBe('wal');
    } finally {
      await again.destroy();
    }
  });

  it('applies the settings to a connection the pool creates later', async () => {
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: path.join(dir, 'pool.sqlite') },
      useNullAsDefault: true,
      // Connections idle for 1 ms are destroyed and re-created on the next query.
      pool: { min: 0, max: 1, idleTimeoutMillis: 1, reapIntervalMillis: 1 },
    });
    let created = 0;
    knex.client.pool.on('createSuccess', () => {
      created += 1;
    });
    try {
      await applyConnectionPragmas(knex);
      const before = await knex.raw('PRAGMA cache_size');
      expect(before[0].cache_size).toBe(-65536);
      await new Promise(resolve => setTimeout(resolve, 100));
      const after = await knex.raw('PRAGMA cache_size');
      expect(after[0].cache_size).toBe(-65536);
      // The second answer came from a new connection (or this test proves nothing).
      expect(created).toBeGreaterThanOrEqual(2);
    } finally {
      await knex.destroy();
    }
  });
});

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const ids = databases.eachSupportedId().map(([id]) => id);

async function appliesTheSettings(knex: Knex) {
  expect(isSqlite(knex)).toBe(true);
  // TestDatabases' SQLite is in memory, which keeps its own journal mode.
  expect(await applyConnectionPragmas(knex)).toEqual({
    journal_mode: 'memory',
    synchronous: '1',
    cache_size: '-65536',
    temp_store: '2',
  });
}

async function refusesNamingTheDatabase(knex: Knex) {
  expect(isSqlite(knex)).toBe(false);
  await expect(applyConnectionPragmas(knex)).rejects.toThrow(
    'SQLite connection settings apply to SQLite only, this database is pg',
  );
}

// One title on every database, so the suite's database matrix sees each test run on both.
describe.each(ids)('on %s', databaseId => {
  // eslint-disable-next-line jest/expect-expect -- the expectations are in the named checks
  it('applies the settings on SQLite, and refuses any other database naming it', async () => {
    const knex = await databases.init(databaseId);
    const check =
      databaseId === 'SQLITE_3' ? appliesTheSettings : refusesNamingTheDatabase;
    await check(knex);
  });
});
