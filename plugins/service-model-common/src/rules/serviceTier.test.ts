import { service, without } from '../__testUtils__/entities';
import { serviceTierRule } from './serviceTier';

describe('serviceTierRule', () => {
  it.each([1, 2, 3])('accepts tier %s', tier => {
    expect(serviceTierRule.check(service({ tier }))).toEqual([]);
  });

  it('requires a tier on a service', () => {
    expect(serviceTierRule.check(without(service(), 'tier'))).toEqual([
      expect.objectContaining({
        rule: 'service-tier',
        path: 'spec.tier',
        message: 'is required for a service',
      }),
    ]);
  });

  it.each([0, 4, 7, 1.5, -1, 'one', true, [1]])('rejects tier %p', tier => {
    const [violation, ...rest] = serviceTierRule.check(service({ tier }));
    expect(rest).toEqual([]);
    expect(violation.path).toBe('spec.tier');
    expect(violation.message).toBe(
      `must be the integer 1, 2 or 3, got ${JSON.stringify(tier)}`,
    );
    expect(violation.fix).toMatch(/customer-facing/);
  });

  it('tells to drop the quotes of a quoted tier', () => {
    const [violation] = serviceTierRule.check(service({ tier: '2' }));
    expect(violation.message).toBe('must be the integer 1, 2 or 3, got "2"');
    expect(violation.fix).toBe('Write the number without quotes: `tier: 2`.');
  });

  it('does not require a tier on other component types but checks one that is set', () => {
    expect(
      serviceTierRule.check(without(service({ type: 'website' }), 'tier')),
    ).toEqual([]);
    expect(
      serviceTierRule.check(service({ type: 'website', tier: 9 })),
    ).toEqual([expect.objectContaining({ path: 'spec.tier' })]);
  });

  it('ignores other kinds', () => {
    expect(
      serviceTierRule.check({ ...service({ tier: 7 }), kind: 'Resource' }),
    ).toEqual([]);
  });

  it('survives a missing spec', () => {
    const entity = service();
    delete entity.spec;
    expect(serviceTierRule.check(entity)).toEqual([]);
  });
});
