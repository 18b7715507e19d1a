import { LocatedEntityReference, ValidatedEntity } from '../types';
import { checkMissingReferences, externalReferences } from './missingReference';

function reference(
  targetRef: string | undefined,
  line: number,
): LocatedEntityReference {
  return {
    path: ['spec', 'owner'],
    field: 'spec.owner',
    relation: 'ownedBy',
    value: targetRef ?? 'bad:',
    defaultKind: 'Group',
    targetRef,
    file: 'a.yaml',
    line,
    column: 10,
    sourceRef: 'component:default/svc',
  };
}

const entities: ValidatedEntity[] = [
  {
    file: 'a.yaml',
    line: 4,
    column: 9,
    ref: 'component:default/svc',
    kind: 'Component',
    namespace: 'default',
    name: 'svc',
    document: 1,
    valid: true,
    references: [
      reference('group:default/team-a', 8),
      reference('group:default/ghosts', 9),
      reference('component:default/svc', 10),
      reference(undefined, 11),
    ],
  },
];

describe('missing-reference', () => {
  it('lists the targets not declared in the validated entities', () => {
    expect(externalReferences(entities)).toEqual([
      'group:default/ghosts',
      'group:default/team-a',
    ]);
  });

  it('reports references that exist nowhere, at the reference', () => {
    expect(checkMissingReferences(entities, ['group:default/team-a'])).toEqual([
      {
        file: 'a.yaml',
        line: 9,
        column: 10,
        rule: 'missing-reference',
        severity: 'error',
        message:
          'spec.owner refers to group:default/ghosts, which does not exist',
        hint: expect.stringContaining('defaults to kind Group'),
        entityRef: 'component:default/svc',
      },
    ]);
  });
});
