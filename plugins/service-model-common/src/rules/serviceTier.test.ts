import { service, without } from '../__testUtils__/entities';
import { serviceTierRule } from './serviceTier';

describe('serviceTierRule', () => {
  it.each([1, 2, 3])('accepts tier %s', tier => {
    expect(serviceTierRule.check(service({ tier }))).toEqual([]);
  });

  it('does not reject a service without a tier: it recommends one', () => {
    const entity = without(service(), 'tier');
    expect(serviceTierRule.check(entity)).toEqual([]);
    expect(serviceTierRule.recommend!(entity)).toEqual([
      {
        rule: 'service-tier',
        path: 'spec.tier',
        message: 'No tier',
        why: expect.stringMatching(/^Paging urgency, SLO targets/),
        fix: 'Add `tier: <n>` under spec, n = 1 (customer-facing, paged 24/7), 2, or 3 (internal, best effort).',
      },
    ]);
    expect(serviceTierRule.recommend!(service({ tier: null }))).toHaveLength(1);
  });

  it('recommends nothing when a tier is set, even a wrong one (check reports that)', () => {
    expect(serviceTierRule.recommend!(service())).toEqual([]);
    expect(serviceTierRule.recommend!(service({ tier: '2' }))).toEqual([]);
  });

  it('recommends a tier only for services', () => {
    expect(
      serviceTierRule.recommend!(without(service({ type: 'website' }), 'tier')),
    ).toEqual([]);
    expect(
      serviceTierRule.recommend!({
        ...without(service(), 'tier'),
        kind: 'Resource',
      }),
    ).toEqual([]);
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
