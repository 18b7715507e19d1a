/*
 * Every failure mode the card explains, served by the fake API server and read through the real
 * client-node informers into the watch cache.
 */
import {
  event,
  FakeKubernetesApi,
  pod,
  podName,
} from './__testUtils__/fakeKubernetes';
import { applyWorkload, workload } from './__testUtils__/scenario';
import {
  allOk,
  entity,
  startDeployments,
  waitForStatus,
} from './__testUtils__/watchHarness';

describe('status from the watch cache (fake API server, real client-node)', () => {
  const fake = new FakeKubernetesApi({ tokens: ['test-token'] });
  let deployments: ReturnType<typeof startDeployments>;

  const podEvent = (
    w: ReturnType<typeof workload>,
    index: number,
    reason: string,
    message: string,
    image?: string,
  ) =>
    event({
      involved: {
        kind: 'Pod',
        name: podName(w, index, image),
        namespace: w.namespace,
      },
      reason,
      message,
      count: 12,
    });

  const orders = workload('orders');
  const search = workload('search', { memoryLimit: '1Gi' });
  const checkout = workload('checkout', {
    image: 'registry.example.com/payments/checkout:2.2.0',
    revision: 3,
  });
  const ledger = workload('ledger', { memoryRequest: '8Gi' });
  const gateway = workload('gateway');
  const reports = workload('reports');
  const api = workload('api');
  const notify = workload('notify');
  const healthy = workload('billing');
  const bare = workload('bare', {
    withoutLimits: true,
    withoutReadinessProbe: true,
  });

  beforeAll(async () => {
    const url = await fake.start();
    applyWorkload(fake, healthy, { hpa: { min: 2, max: 10 } });
    applyWorkload(fake, bare);
    applyWorkload(fake, orders, {
      pods: [
        { condition: 'crash-loop', exitCode: 1 },
        { condition: 'crash-loop', exitCode: 1 },
        {},
      ],
      events: [
        podEvent(
          orders,
          0,
          'BackOff',
          `Back-off restarting failed container orders in pod ${podName(
            orders,
            0,
          )}_payments(uid)`,
        ),
      ],
    });
    applyWorkload(fake, search, {
      pods: [{ condition: 'oom-killed' }, {}, {}],
    });
    applyWorkload(fake, checkout, {
      deployment: {
        phase: 'progressing',
        updatedReplicas: 1,
        availableReplicas: 3,
        totalReplicas: 4,
      },
      previous: [
        { image: 'registry.example.com/payments/checkout:2.1.0', revision: 2 },
      ],
      pods: [{ condition: 'image-pull-backoff' }],
      events: [
        podEvent(
          checkout,
          0,
          'Failed',
          'Failed to pull image "registry.example.com/payments/checkout:2.2.0": rpc error: code = NotFound desc = failed to pull and unpack image "registry.example.com/payments/checkout:2.2.0": failed to resolve reference "registry.example.com/payments/checkout:2.2.0": registry.example.com/payments/checkout:2.2.0: not found',
        ),
      ],
    });
    applyWorkload(fake, ledger, {
      pods: [{}, {}, { condition: 'unschedulable' }],
      events: [
        podEvent(
          ledger,
          2,
          'FailedScheduling',
          '0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
        ),
      ],
    });
    applyWorkload(fake, gateway, {
      pods: [{ condition: 'not-ready' }, {}, {}],
      events: [
        podEvent(
          gateway,
          0,
          'Unhealthy',
          'Readiness probe failed: HTTP probe failed with statuscode: 503',
        ),
      ],
    });
    applyWorkload(fake, reports, {
      deployment: {
        phase: 'stalled',
        updatedReplicas: 1,
        availableReplicas: 2,
      },
    });
    applyWorkload(fake, api, { hpa: { min: 2, max: 6, atMax: true } });
    applyWorkload(fake, notify, { pods: [{ condition: 'config-error' }] });
    // A Normal event is never watched (fieldSelector type=Warning).
    fake.apply(
      event({
        involved: {
          kind: 'Pod',
          name: podName(healthy, 0),
          namespace: 'payments',
        },
        reason: 'Pulled',
        message: 'Successfully pulled image',
        type: 'Normal',
      }),
    );

    deployments = startDeployments([
      { name: 'prod-eu', url, environment: 'production' },
    ]);
    await deployments.start();
    await waitForStatus(
      deployments.status,
      entity('billing'),
      allOk,
      'the cluster to sync',
    );
  });

  afterAll(async () => {
    await deployments.stop();
    await fake.stop();
  });

  async function workloadOf(name: string) {
    const status = await deployments.status.getStatus(entity(name));
    expect(status.clusters).toHaveLength(1);
    expect(status.clusters[0]).toMatchObject({
      cluster: 'prod-eu',
      environment: 'production',
      state: 'ok',
    });
    expect(status.clusters[0].workloads).toHaveLength(1);
    return status.clusters[0].workloads[0];
  }

  it('shows a healthy workload with image, version, replicas, pods and its HPA, without problems', async () => {
    const w = await workloadOf('billing');
    expect(w).toMatchObject({
      name: 'billing',
      namespace: 'payments',
      image: 'registry.example.com/payments/billing:2.1.0',
      version: '2.1.0',
      revision: '2',
      replicas: { desired: 3, updated: 3, ready: 3, available: 3 },
      rollout: 'complete',
      problems: [],
      warningEvents: [],
      hpa: {
        name: 'billing',
        minReplicas: 2,
        maxReplicas: 10,
        currentReplicas: 3,
        desiredReplicas: 3,
      },
    });
    expect(w.pods.map(p => [p.name, p.phase, p.ready, p.restarts])).toEqual(
      [0, 1, 2]
        .map(i => podName(healthy, i))
        .sort()
        .map(name => [name, 'Running', true, 0]),
    );
  });

  it("carries each container's limits and whether it has a readiness probe, from the pod template", async () => {
    expect((await workloadOf('billing')).containers).toEqual([
      {
        name: 'billing',
        limits: { cpu: '1', memory: '512Mi' },
        readinessProbe: true,
      },
    ]);
    // Neither limits nor a probe: the keys are absent and the flag false, not guessed.
    expect((await workloadOf('bare')).containers).toEqual([
      { name: 'bare', limits: {}, readinessProbe: false },
    ]);
  });

  it.each([
    [
      'orders',
      'crash-loop',
      '2 of 3 pods are crash-looping (exit code 1, Error)',
    ],
    [
      'search',
      'oom-killed',
      '1 of 3 pods was OOMKilled: the container search ran out of memory (limit 1Gi)',
    ],
    [
      'checkout',
      'image-pull',
      'The only pod is unable to pull image registry.example.com/payments/checkout:2.2.0 (ImagePullBackOff: the image or tag does not exist)',
    ],
    [
      'ledger',
      'unschedulable',
      '1 of 3 pods is Pending: not enough free memory',
    ],
    [
      'gateway',
      'readiness-failing',
      '1 of 3 pods is running but not ready: readiness probe HTTP GET :8080/ready failing (HTTP probe failed with statuscode: 503)',
    ],
    [
      'reports',
      'rollout-stalled',
      'The rollout of revision 2 stalled: 1 of 3 replicas updated, 2 available, deadline of 600 s exceeded',
    ],
    [
      'api',
      'hpa-at-max',
      'The autoscaler api is pinned at its maximum of 6 replicas',
    ],
    [
      'notify',
      'container-config',
      'The only pod is unable to start the container notify (CreateContainerConfigError: secret "notify-db" not found)',
    ],
  ])('explains %s: %s', async (name, kind, title) => {
    const w = await workloadOf(name);
    expect(w.problems[0]).toMatchObject({ kind, title });
    expect(w.problems[0].explanation.length).toBeGreaterThan(60);
    expect(w.problems[0].checkFirst.length).toBeGreaterThan(40);
    expect(w.problems[0].evidence.length).toBeGreaterThan(0);
  });

  it('lists the recent Warning events with the workload and shows the rollout state', async () => {
    const checkoutStatus = await workloadOf('checkout');
    expect(checkoutStatus.rollout).toBe('progressing');
    expect(checkoutStatus.warningEvents).toEqual([
      expect.objectContaining({
        reason: 'Failed',
        involvedObject: `Pod/${podName(checkout, 0)}`,
        count: 12,
      }),
    ]);
    expect((await workloadOf('reports')).rollout).toBe('stalled');
  });

  it('follows the watch: a pod that starts crash-looping shows up without a new list', async () => {
    const lists = fake.count('list');
    fake.apply(
      pod(healthy, {
        index: 1,
        condition: 'crash-loop',
        exitCode: 139,
        terminationReason: 'Error',
      }),
    );
    const problem = await waitForStatus(
      deployments.status,
      entity('billing'),
      s => s.clusters[0].workloads[0].problems[0],
      'the crash loop to appear',
    );
    expect(problem.title).toBe(
      '1 of 3 pods is crash-looping (exit code 139, Error)',
    );
    expect(problem.explanation).toContain('segmentation fault');
    expect(fake.count('list')).toBe(lists);
  });
});
