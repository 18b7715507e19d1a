import { Entity } from '@backstage/catalog-model';

function component(name: string, owner: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      namespace: 'default',
      annotations: { 'backstage.io/kubernetes-id': name },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: `group:default/${owner}`,
    },
    relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
  };
}

function group(name: string, children: string[] = []): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children },
    relations: children.map(c => ({
      type: 'parentOf',
      targetRef: `group:default/${c}`,
    })),
  };
}

/**
 * A small organisation as the catalog serves it (relations included, as the catalog computes
 * them): engineering → billing (billing, admin) and identity (auth).
 */
export const CATALOG: Entity[] = [
  group('engineering', ['billing', 'identity']),
  group('billing'),
  group('identity'),
  component('billing', 'billing'),
  component('admin', 'billing'),
  component('auth', 'identity'),
];
