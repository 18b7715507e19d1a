import { Entity } from '@backstage/catalog-model';

const component = (name: string, extra: Partial<Entity> = {}, annotations: Record<string, string> = {}): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name, namespace: 'default', annotations },
  spec: { type: 'service', lifecycle: 'production', owner: 'group:default/shop' },
  ...extra,
});

/**
 * gateway depends on orders; orders (entity `order-service`, OTel name `orders` by annotation)
 * produces the `orders.created` topic but declares no database; gateway also consumes billing's
 * API, a call no span shows.
 */
export const CATALOG: Entity[] = [
  component('gateway', {
    relations: [
      { type: 'dependsOn', targetRef: 'component:default/order-service' },
      { type: 'consumesApi', targetRef: 'api:default/billing-api' },
    ],
  }),
  component(
    'order-service',
    { relations: [{ type: 'produces', targetRef: 'resource:default/orders-created' }] },
    { 'strata.dev/otel-service-name': 'orders' },
  ),
  component('billing', {
    relations: [{ type: 'providesApi', targetRef: 'api:default/billing-api' }],
  }),
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'orders-created', namespace: 'default' },
    spec: { type: 'kafka-topic', owner: 'group:default/shop', topic: 'orders.created' },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'shop', namespace: 'default' },
    spec: { type: 'database', owner: 'group:default/shop' },
  },
];
