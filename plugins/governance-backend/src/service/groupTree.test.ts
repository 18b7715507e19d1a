import type { Entity } from '@backstage/catalog-model';
import { groupAndDescendants } from './groupTree';

const group = (name: string, parent?: string, namespace = 'default'): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name, namespace },
  spec: { type: 'team', children: [], ...(parent && { parent }) },
});

describe('groupAndDescendants', () => {
  it('walks children and their children, by spec.parent or the childOf relation', () => {
    const entities = [
      group('engineering'),
      group('billing', 'engineering'),
      group('payments', 'group:default/billing'),
      {
        ...group('identity'),
        relations: [{ type: 'childOf', targetRef: 'group:default/engineering' }],
      },
      group('sales'),
      group('billing', 'engineering', 'other'),
    ];
    expect([...groupAndDescendants(entities, 'group:default/engineering')].sort()).toEqual([
      'group:default/billing',
      'group:default/engineering',
      'group:default/identity',
      'group:default/payments',
    ]);
    expect([...groupAndDescendants(entities, 'group:default/sales')]).toEqual([
      'group:default/sales',
    ]);
    // A short spec.parent resolves in the group's own namespace.
    expect([...groupAndDescendants(entities, 'group:other/engineering')]).toEqual([
      'group:other/engineering',
      'group:other/billing',
    ]);
  });

  it('ends at groups already seen when the catalog has a parent cycle', () => {
    const entities = [group('a', 'c'), group('b', 'a'), group('c', 'b')];
    expect([...groupAndDescendants(entities, 'group:default/a')].sort()).toEqual([
      'group:default/a',
      'group:default/b',
      'group:default/c',
    ]);
  });
});
