import { component } from '../testUtils';
import { invalidReferenceRule } from './invalidReference';

describe('invalid-reference', () => {
  it('accepts resolvable references', () => {
    expect(
      invalidReferenceRule.check(
        component({ spec: { owner: 'user:ann', dependsOn: ['resource:db'] } }),
      ),
    ).toEqual([]);
  });

  it('requires a kind where the field has no default kind', () => {
    expect(
      invalidReferenceRule.check(
        component({ spec: { dependsOn: ['resource:db', 'auth-db'] } }),
      ),
    ).toEqual([
      expect.objectContaining({
        path: ['spec', 'dependsOn', 1],
        message:
          'spec.dependsOn: Entity reference "auth-db" had missing or empty kind (e.g. did not start with "component:" or similar)',
        hint: expect.stringContaining('no default kind'),
      }),
    ]);
  });

  it('rejects malformed references', () => {
    expect(
      invalidReferenceRule.check(
        component({ spec: { owner: 'group:', system: 'x/' } }),
      ),
    ).toEqual([
      expect.objectContaining({
        path: ['spec', 'owner'],
        message:
          'spec.owner: Entity reference "group:" was not on the form [<kind>:][<namespace>/]<name>',
        hint: 'Write [kind:][namespace/]name, e.g. group:default/<name>.',
      }),
      expect.objectContaining({ path: ['spec', 'system'] }),
    ]);
  });

  it('warns when a field points at a kind it may not', () => {
    expect(
      invalidReferenceRule.check(
        component({ spec: { owner: 'component:other' } }),
      ),
    ).toEqual([
      expect.objectContaining({
        path: ['spec', 'owner'],
        severity: 'warning',
        message:
          'spec.owner refers to a component, but it may only refer to Group or User',
      }),
    ]);
  });
});
