import { TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { rewriteFilterQuery } from './filterQueryShape';
import { installStatementRewrites } from './statementRewrites';

// The catalog's statement for GET /entities/by-query?filter=relations.dependsOn=…, as captured.
const CATALOG_BY_QUERY =
  'with `filtered` (`entity_id`, `final_entity`) as (select `final_entities`.`entity_id` as `entity_id`, `final_entities`.`final_entity` as `final_entity` from `final_entities` where `final_entity` is not null and (exists (select 1 from `search` as `search_flt` where `search_flt`.`entity_id` = `final_entities`.`entity_id` and `search_flt`.`key` = ? and `search_flt`.`value` = ?))) select * from `filtered` order by `filtered`.`entity_id` asc limit ?';

describe('rewriteFilterQuery', () => {
  it('turns each correlated filter into an IN over search, keeping the parameters in order', () => {
    const sql = rewriteFilterQuery(CATALOG_BY_QUERY);
    expect(sql).toBe(
      'with `filtered` (`entity_id`, `final_entity`) as (select `final_entities`.`entity_id` as `entity_id`, `final_entities`.`final_entity` as `final_entity` from `final_entities` where `final_entity` is not null and (`final_entities`.`entity_id` in (select `search_flt`.`entity_id` from `search` as `search_flt` where `search_flt`.`entity_id` is not null and `search_flt`.`key` = ? and `search_flt`.`value` = ?))) select * from `filtered` order by `filtered`.`entity_id` asc limit ?',
    );
    expect(sql.split('?').length).toBe(CATALOG_BY_QUERY.split('?').length);
  });

  it('rewrites every filter of a combined query, and leaves other SQL alone', () => {
    const two = `select count(*) from \`final_entities\` where (exists (select 1 from \`search\` as \`search_flt\` where \`search_flt\`.\`entity_id\` = \`final_entities\`.\`entity_id\` and \`search_flt\`.\`key\` = ?) and not exists (select 1 from \`search\` as \`search_flt\` where \`search_flt\`.\`entity_id\` = \`final_entities\`.\`entity_id\` and \`search_flt\`.\`key\` = ?))`;
    expect(rewriteFilterQuery(two)).toBe(
      'select count(*) from `final_entities` where (`final_entities`.`entity_id` in (select `search_flt`.`entity_id` from `search` as `search_flt` where `search_flt`.`entity_id` is not null and `search_flt`.`key` = ?) and not `final_entities`.`entity_id` in (select `search_flt`.`entity_id` from `search` as `search_flt` where `search_flt`.`entity_id` is not null and `search_flt`.`key` = ?))',
    );
    const other =
      'select * from `refresh_state` where exists (select 1 from `search` where `search`.`entity_id` = `refresh_state`.`entity_id`)';
    expect(rewriteFilterQuery(other)).toBe(other);
  });
});

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const ids = databases.eachSupportedId().map(([id]) => id);

// SQLite: the rewritten query answers as the catalog's correlated form would.
async function answersAsTheCorrelatedForm(knex: Knex) {
  await knex.schema.createTable('final_entities', t => {
    t.string('entity_id').primary();
    t.text('final_entity').nullable();
  });
  await knex.schema.createTable('search', t => {
    t.string('entity_id').nullable();
    t.string('key');
    t.string('value').nullable();
  });
  await knex('final_entities').insert([
    { entity_id: 'a', final_entity: '{}' },
    { entity_id: 'b', final_entity: '{}' },
    { entity_id: 'c', final_entity: null },
  ]);
  await knex('search').insert([
    { entity_id: 'a', key: 'relations.ownedby', value: 'group:default/x' },
    { entity_id: 'c', key: 'relations.ownedby', value: 'group:default/x' },
    // A row without an entity: NOT IN over a list holding NULL would match nothing.
    { entity_id: null, key: 'relations.ownedby', value: 'group:default/x' },
  ]);
  const filter = (q: any) =>
    q.whereExists(
      knex('search as search_flt')
        .select(knex.raw('1'))
        .whereRaw('?? = ??', [
          'search_flt.entity_id',
          'final_entities.entity_id',
        ])
        .where('search_flt.key', 'relations.ownedby')
        .where('search_flt.value', 'group:default/x'),
    );
  const read = async (db: any) => ({
    matching: await filter(db('final_entities').whereNotNull('final_entity'))
      .orderBy('entity_id')
      .pluck('entity_id'),
    notMatching: await db('final_entities')
      .whereNotNull('final_entity')
      .andWhereNot((inner: any) => filter(inner))
      .orderBy('entity_id')
      .pluck('entity_id'),
  });
  const expected = { matching: ['a'], notMatching: ['b'] };
  expect(await read(knex)).toEqual(expected);

  // What reaches SQLite: the pool's one better-sqlite3 connection, its prepare() watched.
  const connection = await knex.client.acquireConnection();
  await knex.client.releaseConnection(connection);
  const prepared: string[] = [];
  const prepare = connection.prepare.bind(connection);
  connection.prepare = (sql: string) => {
    prepared.push(sql);
    return prepare(sql);
  };

  expect(await installStatementRewrites(knex)).toBe(true);
  expect(await read(knex)).toEqual(expected);
  const outside = prepared.splice(0);
  expect(outside).toHaveLength(2);
  for (const sql of outside) {
    expect(sql).toContain('`final_entities`.`entity_id` in (select');
    expect(sql).not.toContain('exists (select 1');
  }
  // Inside a transaction too (the transaction runs on the same pooled connection).
  expect(await knex.transaction(trx => read(trx))).toEqual(expected);
  const inside = prepared.filter(sql => sql.includes('final_entities'));
  expect(inside).toHaveLength(2);
  expect(inside.join('\n')).not.toContain('exists (select 1');
}

async function refusesNamingTheDatabase(knex: Knex) {
  await expect(installStatementRewrites(knex)).rejects.toThrow(
    'The catalog statement rewrites are for SQLite only, this database is pg',
  );
}

// One title on every database, so the suite's database matrix sees each test run on both.
describe.each(ids)('on %s', databaseId => {
  // eslint-disable-next-line jest/expect-expect -- the expectations are in the named checks
  it('answers exactly as the correlated form on SQLite (NOT and NULL entity ids, outside and inside transactions), and refuses any other database naming it', async () => {
    const knex = await databases.init(databaseId);
    const check =
      databaseId === 'SQLITE_3'
        ? answersAsTheCorrelatedForm
        : refusesNamingTheDatabase;
    await check(knex);
  });
});
