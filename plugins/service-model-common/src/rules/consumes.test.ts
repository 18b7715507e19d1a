import { service, without } from '../__testUtils__/entities';
import { consumesRule } from './consumes';

describe('consumesRule', () => {
  it('accepts refs to Resources, with or without kind', () => {
    expect(
      consumesRule.check(
        service({ consumes: ['connector-configured', 'resource:etl-tasks'] }),
      ),
    ).toEqual([]);
  });

  it('is optional', () => {
    expect(consumesRule.check(without(service(), 'consumes'))).toEqual([]);
  });

  it('rejects refs to other kinds, naming the index', () => {
    expect(
      consumesRule.check(
        service({ consumes: ['etl-tasks', 'component:default/billing'] }),
      ),
    ).toEqual([
      {
        rule: 'component-consumes',
        path: 'spec.consumes[1]',
        message:
          '"component:default/billing" has kind "component"; it must be a Resource ref',
        fix: expect.stringContaining('resource:default/connector-configured'),
      },
    ]);
  });

  it('rejects a value that is not a list', () => {
    expect(consumesRule.check(service({ consumes: { a: 1 } }))).toEqual([
      expect.objectContaining({ path: 'spec.consumes' }),
    ]);
  });
});
