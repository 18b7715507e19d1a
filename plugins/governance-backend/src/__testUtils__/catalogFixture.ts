import { Entity } from '@backstage/catalog-model';

/** A service with its owner and the relations the catalog would have stitched. */
function service(
  name: string,
  owner: string,
  dependsOn: string[] = [],
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', etag: `${name}-1` },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: `group:default/${owner}`,
      dependsOn,
    },
    relations: [
      { type: 'ownedBy', targetRef: `group:default/${owner}` },
      ...dependsOn.map(targetRef => ({ type: 'dependsOn', targetRef })),
    ],
  };
}

const LEGACY_DB = 'resource:default/legacy-db';

/**
 * A small organisation with one real problem: legacy-db is used by three services of two
 * teams. billing also calls auth, which no relation declares (for the telemetry tests).
 */
export const CATALOG: Entity[] = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'billing', namespace: 'default', etag: 'g1' },
    spec: { type: 'team', children: [] },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'identity', namespace: 'default', etag: 'g2' },
    spec: { type: 'team', children: [] },
  },
  service('user-management', 'identity', [LEGACY_DB]),
  service('billing', 'billing', [LEGACY_DB]),
  service('admin', 'billing', [LEGACY_DB]),
  service('auth', 'identity'),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'legacy-db', namespace: 'default', etag: 'r1' },
    spec: { type: 'database', owner: 'group:default/billing' },
    relations: [
      { type: 'ownedBy', targetRef: 'group:default/billing' },
      ...['user-management', 'billing', 'admin'].map(name => ({
        type: 'dependencyOf',
        targetRef: `component:default/${name}`,
      })),
    ],
  },
];

export const SHARED_DB_SERVICES = [
  'component:default/admin',
  'component:default/billing',
  'component:default/user-management',
];
