import { database, queue, without } from '../__testUtils__/entities';
import { databasePersonalDataRule } from './databasePersonalData';

describe('databasePersonalDataRule', () => {
  it.each([true, false])('accepts %s', personalData => {
    expect(databasePersonalDataRule.check(database({ personalData }))).toEqual(
      [],
    );
  });

  it('requires the field on a database', () => {
    expect(
      databasePersonalDataRule.check(without(database(), 'personalData')),
    ).toEqual([
      expect.objectContaining({
        rule: 'database-personal-data',
        path: 'spec.personalData',
        message: expect.stringMatching(/^is required for a database/),
      }),
    ]);
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
  });
});
