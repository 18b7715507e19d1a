import { component } from '../testUtils';
import { entityNamespaceRule } from './entityNamespace';

describe('entity-namespace', () => {
  it('accepts a missing or valid namespace', () => {
    expect(entityNamespaceRule.check(component())).toEqual([]);
    expect(
      entityNamespaceRule.check(
        component({ metadata: { namespace: 'team-a' } }),
      ),
    ).toEqual([]);
  });

  it.each(['Team', 'team_a', 'a.b'])('rejects %s', namespace => {
    expect(
      entityNamespaceRule.check(component({ metadata: { namespace } })),
    ).toEqual([
      expect.objectContaining({
        path: ['metadata', 'namespace'],
        message: `Invalid namespace "${namespace}"`,
      }),
    ]);
  });
});
