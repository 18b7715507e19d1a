import { database, queue, without } from '../__testUtils__/entities';
import { databasePersonalDataRule } from './databasePersonalData';

describe('databasePersonalDataRule', () => {
  it.each([true, false])('accepts %s', personalData => {
    expect(databasePersonalDataRule.check(database({ personalData }))).toEqual(
      [],
    );
  });

  it('does not reject a database without the field: it recommends it, with no guess', () => {
    const entity = without(database(), 'personalData');
    expect(databasePersonalDataRule.check(entity)).toEqual([]);
    expect(databasePersonalDataRule.recommend!(entity)).toEqual([
      {
        rule: 'database-personal-data',
        path: 'spec.personalData',
        message: 'Not said whether it stores personal data',
        why: expect.stringMatching(/^GDPR erasure/),
        fix: 'Add `personalData: true` or `personalData: false` under spec.',
      },
    ]);
    expect(databasePersonalDataRule.recommend!(database())).toEqual([]);
    expect(
      databasePersonalDataRule.recommend!(database({ personalData: 'yes' })),
    ).toEqual([]);
  });

  it('rejects a quoted boolean with a precise fix', () => {
    expect(
      databasePersonalDataRule.check(database({ personalData: 'true' })),
    ).toEqual([
      {
        rule: 'database-personal-data',
        path: 'spec.personalData',
        message: 'must be a boolean, got "true"',
        fix: 'Write it without quotes: `personalData: true`.',
      },
    ]);
  });

  it.each([1, 'yes', []])('rejects %p', personalData => {
    expect(
      databasePersonalDataRule.check(database({ personalData })),
    ).toHaveLength(1);
  });

  it('ignores resources that are not databases', () => {
    expect(databasePersonalDataRule.check(queue())).toEqual([]);
    expect(databasePersonalDataRule.recommend!(queue())).toEqual([]);
  });
});
