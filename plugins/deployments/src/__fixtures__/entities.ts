import { Entity } from '@backstage/catalog-model';

export function component(
  name: string,
  options: { type?: string; annotations?: Record<string, string> } = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations: options.annotations },
    spec: { type: options.type ?? 'service', owner: 'group:default/billing' },
  };
}

export function group(name: string, title: string, type = 'team'): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default', title },
    spec: { type, children: [] },
  };
}

export const billingService = component('billing', {
  annotations: { 'backstage.io/kubernetes-id': 'billing' },
});
