import { Entity } from '@backstage/catalog-model';

/** A demo-like catalog: one service with an owner relation, one with shorthand spec.owner. */
export const reportExporter: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'report-exporter', namespace: 'default' },
  spec: { type: 'service', owner: 'growth', lifecycle: 'production' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/growth' }],
};

export const legacyJob: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'legacy-job', namespace: 'default' },
  spec: { type: 'service', owner: 'platform', lifecycle: 'deprecated' },
};

/** A group of the same name as a free service name: other kinds do not take the name. */
export const billingGroup: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'billing-team', namespace: 'default' },
  spec: { type: 'team', children: [] },
};
