import { DATABASE_ENGINES } from '../constants';
import { database, topic, without } from '../__testUtils__/entities';
import { databaseEngineRule } from './databaseEngine';

describe('databaseEngineRule', () => {
  it.each([...DATABASE_ENGINES])('accepts %s', engine => {
    expect(databaseEngineRule.check(database({ engine }))).toEqual([]);
  });

  it('does not reject a database without an engine: it recommends one', () => {
    const entity = without(database(), 'engine');
    expect(databaseEngineRule.check(entity)).toEqual([]);
    expect(databaseEngineRule.recommend!(entity)).toEqual([
      {
        rule: 'database-engine',
        path: 'spec.engine',
        message: 'No database engine',
        why: expect.stringContaining('runbooks'),
        fix: expect.stringContaining('postgresql, mysql, mariadb'),
      },
    ]);
    expect(databaseEngineRule.recommend!(database())).toEqual([]);
    expect(databaseEngineRule.recommend!(database({ engine: 'pg' }))).toEqual(
      [],
    );
  });

  it('suggests the engine a tag or the name names, only when it is one', () => {
    const tagged = {
      ...without(database(), 'engine'),
      metadata: { name: 'orders-db', tags: ['postgres', 'eu'] },
    };
    expect(databaseEngineRule.recommend!(tagged)[0]).toMatchObject({
      suggestedValue: 'postgresql',
      fix: 'Add `engine: postgresql` under spec (one of postgresql, mysql, mariadb, elasticsearch, opensearch, redis, mongodb).',
    });
    const named = {
      ...without(database(), 'engine'),
      metadata: { name: 'sessions-redis' },
    };
    expect(databaseEngineRule.recommend!(named)[0].suggestedValue).toBe(
      'redis',
    );
    const ambiguous = {
      ...without(database(), 'engine'),
      metadata: { name: 'mysql-to-postgres' },
    };
    expect(
      databaseEngineRule.recommend!(ambiguous)[0].suggestedValue,
    ).toBeUndefined();
    expect(
      'suggestedValue' in
        databaseEngineRule.recommend!(without(database(), 'engine'))[0],
    ).toBe(false);
  });

  it('rejects an engine outside the list, suggesting the right spelling', () => {
    const [postgres] = databaseEngineRule.check(
      database({ engine: 'postgres' }),
    );
    expect(postgres.message).toBe(
      'must be one of postgresql, mysql, mariadb, elasticsearch, opensearch, redis, mongodb, got "postgres"',
    );
    expect(postgres.fix).toBe('Write `engine: postgresql`.');
    expect(databaseEngineRule.check(database({ engine: 'MySQL' }))[0].fix).toBe(
      'Write `engine: mysql`.',
    );
    expect(
      databaseEngineRule.check(database({ engine: 'oracle' }))[0].fix,
    ).toMatch(/^Use one of/);
    expect(databaseEngineRule.check(database({ engine: 3 }))).toHaveLength(1);
  });

  it('ignores resources that are not databases', () => {
    expect(databaseEngineRule.check(topic())).toEqual([]);
    expect(databaseEngineRule.recommend!(topic())).toEqual([]);
  });
});
