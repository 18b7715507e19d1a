import { ValidatedEntity } from '../types';
import { checkDuplicateEntities } from './duplicateEntity';

function entity(file: string, line: number, ref: string): ValidatedEntity {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  return {
    file,
    line,
    column: 9,
    ref,
    kind,
    namespace,
    name,
    document: 1,
    valid: true,
    references: [],
  };
}

describe('duplicate-entity', () => {
  it('accepts distinct entities', () => {
    expect(
      checkDuplicateEntities([
        entity('a.yaml', 4, 'component:default/a'),
        entity('a.yaml', 9, 'api:default/a'),
      ]),
    ).toEqual([]);
  });

  it('reports each later declaration, naming both locations', () => {
    expect(
      checkDuplicateEntities([
        entity('a.yaml', 4, 'component:default/a'),
        entity('b.yaml', 5, 'component:default/a'),
        entity('c.yaml', 6, 'component:default/a'),
      ]),
    ).toEqual([
      {
        file: 'b.yaml',
        line: 5,
        column: 9,
        rule: 'duplicate-entity',
        severity: 'error',
        message:
          'component:default/a is declared twice: at a.yaml:4:9 and at b.yaml:5:9',
        hint: expect.any(String),
        entityRef: 'component:default/a',
      },
      expect.objectContaining({
        file: 'c.yaml',
        message:
          'component:default/a is declared twice: at a.yaml:4:9 and at c.yaml:6:9',
      }),
    ]);
  });
});
