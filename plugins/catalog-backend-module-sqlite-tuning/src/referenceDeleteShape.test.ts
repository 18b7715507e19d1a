import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory, { Knex } from 'knex';
import { rewriteReferenceDelete } from './referenceDeleteShape';

/** The statement as the catalog builds it for an entity without deferred children. */
function catalogReferenceDelete(knex: Knex, sourceEntityRef: string) {
  return knex('refresh_state_references')
    .where({ source_entity_ref: sourceEntityRef })
    .orWhereIn('target_entity_ref', [])
    .delete()
    .toSQL()
    .toNative();
}

async function createReferences(knex: Knex) {
  await knex.schema.createTable('refresh_state_references', t => {
    t.increments('id');
    t.text('source_key').nullable();
    t.text('source_entity_ref').nullable();
    t.text('target_entity_ref').notNullable();
    t.index(
      'source_entity_ref',
      'refresh_state_references_source_entity_ref_idx',
    );
  });
  await knex('refresh_state_references').insert([
    { source_entity_ref: 'location:default/a', target_entity_ref: 'x' },
    { source_entity_ref: 'location:default/a', target_entity_ref: 'y' },
    { source_entity_ref: 'location:default/b', target_entity_ref: 'z' },
    { source_key: 'provider', target_entity_ref: 'w' },
  ]);
}

const sqliteInMemory = () =>
  knexFactory({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
  });

describe('rewriteReferenceDelete', () => {
  it('rewrites the catalog statement as knex writes it, keeping its bindings, and leaves other SQL alone', () => {
    const knex = sqliteInMemory();
    const { sql, bindings } = catalogReferenceDelete(
      knex,
      'location:default/a',
    );
    expect(bindings).toEqual(['location:default/a', 0]);
    const rewritten = rewriteReferenceDelete(sql);
    expect(rewritten).not.toBe(sql);
    expect(rewritten.split('?')).toHaveLength(sql.split('?').length);

    const withChildren = knex('refresh_state_references')
      .where({ source_entity_ref: 'a' })
      .orWhereIn('target_entity_ref', ['x'])
      .delete()
      .toSQL().sql;
    expect(rewriteReferenceDelete(withChildren)).toBe(withChildren);
    expect(rewriteReferenceDelete('select 1')).toBe('select 1');
    return knex.destroy();
  });

  it('lets SQLite find the rows by index instead of scanning the table', async () => {
    const knex = sqliteInMemory();
    try {
      await createReferences(knex);
      const { sql, bindings } = catalogReferenceDelete(
        knex,
        'location:default/a',
      );
      const plan = async (text: string) =>
        (
          (await knex.raw(`EXPLAIN QUERY PLAN ${text}`, bindings as any[])) as {
            detail: string;
          }[]
        ).map(p => p.detail);
      expect(await plan(sql)).toEqual(['SCAN refresh_state_references']);
      const rewritten = (await plan(rewriteReferenceDelete(sql))).join('\n');
      expect(rewritten).toContain(
        'SEARCH refresh_state_references USING COVERING INDEX refresh_state_references_source_entity_ref_idx (source_entity_ref=?)',
      );
      expect(rewritten).not.toContain('SCAN refresh_state_references\n');
    } finally {
      await knex.destroy();
    }
  });
});

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });
const ids = databases.eachSupportedId().map(([id]) => id);

describe.each(ids)('on %s', databaseId => {
  it('deletes exactly the rows the catalog statement deletes, with its binding and with the opposite one', async () => {
    const knex = await databases.init(databaseId);
    await createReferences(knex);
    const remaining = () =>
      knex('refresh_state_references').orderBy('id').pluck('id');
    const { sql, bindings } = knex('refresh_state_references')
      .where({ source_entity_ref: 'location:default/a' })
      .orWhereIn('target_entity_ref', [])
      .delete()
      .toSQL();
    const result: number[][] = [];
    const run = async (text: string, constant: number) => {
      await knex
        .transaction(async trx => {
          await trx.raw(text, [bindings[0], constant]);
          result.push(
            await trx('refresh_state_references').orderBy('id').pluck('id'),
          );
          await trx.rollback();
        })
        .catch(() => undefined);
    };
    for (const constant of [0, 1]) {
      await run(sql, constant);
      await run(rewriteReferenceDelete(sql), constant);
    }
    expect(result).toEqual([[3, 4], [3, 4], [], []]);
    expect(await remaining()).toEqual([1, 2, 3, 4]);
  });
});
