import { component } from '../testUtils';
import { unknownKindRule } from './unknownKind';

describe('unknown-kind', () => {
  it('accepts known kinds and apiVersions', () => {
    expect(unknownKindRule.check(component())).toEqual([]);
    expect(
      unknownKindRule.check(component({ apiVersion: 'backstage.io/v1beta1' })),
    ).toEqual([]);
  });

  it('reports an unknown kind with the known kinds in the hint', () => {
    expect(unknownKindRule.check(component({ kind: 'Service' }))).toEqual([
      {
        path: ['kind'],
        message: 'Unknown kind "Service"',
        hint: 'Known kinds: API, Component, Domain, Group, Location, Resource, System, Template, User.',
      },
    ]);
  });

  it('suggests the right case', () => {
    expect(unknownKindRule.check(component({ kind: 'api' }))[0].hint).toMatch(
      /^Did you mean API\?/,
    );
  });

  it('reports an apiVersion the kind does not have', () => {
    expect(
      unknownKindRule.check(component({ apiVersion: 'backstage.io/v1' })),
    ).toEqual([
      {
        path: ['apiVersion'],
        message:
          'apiVersion "backstage.io/v1" is not supported for kind Component',
        hint: 'Use backstage.io/v1alpha1 or backstage.io/v1beta1.',
      },
    ]);
  });
});
