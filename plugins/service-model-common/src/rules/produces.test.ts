import { service, without } from '../__testUtils__/entities';
import { producesRule } from './produces';

describe('producesRule', () => {
  it('accepts full refs, refs without kind and without namespace', () => {
    expect(
      producesRule.check(
        service({
          produces: [
            'resource:default/pipeline-run-created',
            'default/etl-tasks',
            'etl-tasks',
            'Resource:other/x',
          ],
        }),
      ),
    ).toEqual([]);
  });

  it('is optional and may be empty', () => {
    expect(producesRule.check(without(service(), 'produces'))).toEqual([]);
    expect(producesRule.check(service({ produces: [] }))).toEqual([]);
  });

  it('names the index of each bad item', () => {
    const violations = producesRule.check(
      service({
        produces: [
          'resource:default/ok',
          'api:default/pipeline-events',
          42,
          'a/b/c',
          'resource:',
        ],
      }),
    );
    expect(violations.map(v => v.path)).toEqual([
      'spec.produces[1]',
      'spec.produces[2]',
      'spec.produces[3]',
      'spec.produces[4]',
    ]);
    expect(violations[0]).toEqual({
      rule: 'component-produces',
      path: 'spec.produces[1]',
      message:
        '"api:default/pipeline-events" has kind "api"; it must be a Resource ref',
      fix: expect.stringContaining('resource:default/pipeline-run-created'),
    });
    expect(violations[1].message).toBe('must be an entity ref string, got 42');
    expect(violations[2].message).toBe(
      '"a/b/c" is not an entity ref of the form [<kind>:][<namespace>/]<name>',
    );
    expect(violations[3].message).toMatch(/^"resource:" is not an entity ref/);
  });

  it('rejects a value that is not a list', () => {
    expect(
      producesRule.check(service({ produces: 'resource:default/etl-tasks' })),
    ).toEqual([
      expect.objectContaining({
        path: 'spec.produces',
        message:
          'must be a list of topic/queue refs, got "resource:default/etl-tasks"',
      }),
    ]);
  });

  it('applies to every Component, not to other kinds', () => {
    expect(
      producesRule.check(service({ type: 'worker', produces: ['api:x'] })),
    ).toHaveLength(1);
    expect(
      producesRule.check({
        ...service({ produces: ['api:x'] }),
        kind: 'System',
      }),
    ).toEqual([]);
  });
});
