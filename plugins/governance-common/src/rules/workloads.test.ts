import { group, service } from '../__testUtils__/catalog';
import { findingsOf } from '../__testUtils__/evaluate';
import type { WorkloadInput } from '../types';

const catalog = [
  group('team-a'),
  service('orders'),
  service('sandbox', { lifecycle: 'experimental' }),
];

const healthy: WorkloadInput = {
  entityRef: 'component:default/orders',
  cluster: 'prod-eu',
  namespace: 'shop',
  name: 'orders',
  replicas: 3,
  containers: [{ name: 'app', hasLimits: true, hasReadinessProbe: true }],
};

describe('single-replica, no-resource-limits, no-readiness-probe', () => {
  it('are skipped without deployments and clean on a healthy workload', async () => {
    for (const rule of ['single-replica', 'no-resource-limits', 'no-readiness-probe'] as const) {
      expect(await findingsOf(rule, catalog)).toEqual([]);
      expect(await findingsOf(rule, catalog, { workloads: [healthy] })).toEqual([]);
    }
  });

  it('report a production workload with one replica, a container without limits and one without probe', async () => {
    const workloads: WorkloadInput[] = [
      {
        ...healthy,
        replicas: 1,
        containers: [
          { name: 'app', hasLimits: false, hasReadinessProbe: true },
          { name: 'sidecar', hasLimits: true, hasReadinessProbe: false },
        ],
      },
    ];
    const [single] = await findingsOf('single-replica', catalog, { workloads });
    expect(single).toMatchObject({
      key: 'single-replica:component:default/orders>prod-eu/shop/orders',
      entityRefs: ['component:default/orders'],
      message: 'orders: Deployment prod-eu/shop/orders runs a single replica',
      owners: ['group:default/team-a'],
    });
    expect((await findingsOf('no-resource-limits', catalog, { workloads }))[0].message).toBe(
      'orders: Deployment prod-eu/shop/orders has containers without CPU and memory limits: app',
    );
    expect((await findingsOf('no-readiness-probe', catalog, { workloads }))[0].message).toBe(
      'orders: Deployment prod-eu/shop/orders has containers without a readiness probe: sidecar',
    );
  });

  it('leave out staging clusters, non-production services, scaled-to-zero, HPA-kept replicas and unknown containers', async () => {
    const workloads: WorkloadInput[] = [
      { ...healthy, cluster: 'staging', environment: 'staging', replicas: 1 },
      { ...healthy, entityRef: 'component:default/sandbox', replicas: 1 },
      { ...healthy, name: 'orders-paused', replicas: 0 },
      { ...healthy, name: 'orders-hpa', replicas: 1, minReplicas: 2 },
      { ...healthy, name: 'orders-unknown', containers: undefined },
    ];
    for (const rule of ['single-replica', 'no-resource-limits', 'no-readiness-probe'] as const) {
      expect(await findingsOf(rule, catalog, { workloads })).toEqual([]);
    }
  });
});
