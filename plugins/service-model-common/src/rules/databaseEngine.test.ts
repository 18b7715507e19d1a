import { DATABASE_ENGINES } from '../constants';
import { database, topic, without } from '../__testUtils__/entities';
import { databaseEngineRule } from './databaseEngine';

describe('databaseEngineRule', () => {
  it.each([...DATABASE_ENGINES])('accepts %s', engine => {
    expect(databaseEngineRule.check(database({ engine }))).toEqual([]);
  });

  it('requires an engine on a database', () => {
    expect(databaseEngineRule.check(without(database(), 'engine'))).toEqual([
      {
        rule: 'database-engine',
        path: 'spec.engine',
        message: 'is required for a database',
        fix: expect.stringContaining('postgresql, mysql, mariadb'),
      },
    ]);
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
  });
});
