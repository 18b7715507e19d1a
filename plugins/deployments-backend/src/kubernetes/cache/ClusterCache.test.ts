import { billing } from '../__testUtils__/explainFixtures';
import {
  deployment,
  event,
  hpa,
  pod,
  podName,
  replicaSet,
} from '../__testUtils__/fakeKubernetes';
import { parseLabelSelector } from '../selector/labelSelector';
import { ClusterCache } from './ClusterCache';
import {
  slimDeployment,
  slimEvent,
  slimHorizontalPodAutoscaler,
  slimPod,
  slimReplicaSet,
} from './slim';

const worker = { ...billing, name: 'billing-worker', kubernetesId: 'billing' };
const other = { ...billing, name: 'orders', kubernetesId: 'orders' };

function filled() {
  const cache = new ClusterCache();
  for (const w of [billing, worker, other]) {
    cache.upsert(slimReplicaSet(replicaSet(w)));
    for (let i = 0; i < 2; i++) cache.upsert(slimPod(pod(w, { index: i })));
    cache.upsert(slimDeployment(deployment(w)));
  }
  cache.upsert(slimHorizontalPodAutoscaler(hpa(billing)));
  cache.upsert(
    slimEvent(
      event({
        involved: {
          kind: 'Pod',
          name: podName(billing, 0),
          namespace: 'payments',
        },
        reason: 'BackOff',
        message: 'x',
      }),
    ),
  );
  return cache;
}

describe('ClusterCache', () => {
  it("finds a service's Deployments by label and their pods, HPA and events through the owner chain", () => {
    const cache = filled();
    const found = cache.deploymentsMatching(
      parseLabelSelector('backstage.io/kubernetes-id=billing'),
    );
    expect(found.map(d => d.metadata.name)).toEqual([
      'billing',
      'billing-worker',
    ]);
    const objects = cache.workloadObjects(found[0]);
    expect(objects.pods.map(p => p.metadata.name)).toEqual(
      [podName(billing, 0), podName(billing, 1)].sort(),
    );
    expect(objects.hpa?.metadata.name).toBe('billing');
    expect(objects.events.map(e => e.reason)).toEqual(['BackOff']);
    expect(cache.workloadObjects(found[1]).hpa).toBeUndefined();
    expect(
      cache.deploymentsMatching(
        parseLabelSelector('app in (orders, billing)'),
        'payments',
      ),
    ).toHaveLength(2);
  });

  it("changes a workload's version only when its own objects change", () => {
    const cache = filled();
    const v = (name: string) => cache.workloadVersion(`payments/${name}`);
    const before = { billing: v('billing'), worker: v('billing-worker') };
    cache.upsert(slimPod(pod(billing, { index: 1, condition: 'crash-loop' })));
    expect(v('billing')).toBeGreaterThan(before.billing);
    expect(v('billing-worker')).toBe(before.worker);

    const afterPod = v('billing');
    cache.upsert(
      slimEvent(
        event({
          involved: {
            kind: 'Pod',
            name: podName(billing, 1),
            namespace: 'payments',
          },
          reason: 'BackOff',
          message: 'y',
        }),
      ),
    );
    expect(v('billing')).toBeGreaterThan(afterPod);
    expect(v('billing-worker')).toBe(before.worker);
  });

  it('forgets everything about a deleted Deployment', () => {
    const cache = filled();
    cache.remove(slimDeployment(deployment(worker)));
    expect(
      cache
        .deploymentsMatching(
          parseLabelSelector('backstage.io/kubernetes-id=billing'),
        )
        .map(d => d.metadata.name),
    ).toEqual(['billing']);
    expect(cache.workloadVersion('payments/billing-worker')).toBe(0);
    cache.remove(slimPod(pod(worker, { index: 0 })));
    expect(cache.workloadVersion('payments/billing-worker')).toBe(0);
    expect(cache.sizes()).toEqual({
      Deployment: 2,
      ReplicaSet: 3,
      Pod: 5,
      HorizontalPodAutoscaler: 1,
      Event: 1,
    });
  });
});
