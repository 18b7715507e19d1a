/*
 * Rollouts observed through the real informers: reported once per state change, the same after
 * a watch replay, a restart and on a second replica (same ids, same times), rollbacks and stalls.
 */
import { waitFor } from '@internal/backend-test-kit';
import {
  deployment,
  FakeKubernetesApi,
  minutesAgo,
  replicaSet,
} from '../__testUtils__/fakeKubernetes';
import { workload } from '../__testUtils__/scenario';
import {
  allOk,
  entity,
  startDeployments,
  waitForStatus,
} from '../__testUtils__/watchHarness';
import { ObservedRollout } from '../types';

const v = (version: string, revision: number) =>
  workload('billing', {
    image: `registry.example.com/payments/billing:${version}`,
    revision,
  });

const summary = (r: ObservedRollout) =>
  `${r.id} ${r.version} ${r.outcome ?? 'started'}`;

describe('rollouts observed by the watch', () => {
  const fake = new FakeKubernetesApi();
  let url: string;
  const running: Array<ReturnType<typeof startDeployments>> = [];
  const start = async () => {
    const d = startDeployments([
      { name: 'prod-eu', url, environment: 'production' },
    ]);
    running.push(d);
    await d.start();
    await waitForStatus(d.status, entity('billing'), allOk, 'sync');
    return d;
  };
  const settle = () => new Promise(r => setTimeout(r, 300));
  const waitForReports = (d: ReturnType<typeof startDeployments>, n: number) =>
    waitFor(
      async () =>
        d.recorded.length >= n ? d.recorded.map(summary) : undefined,
      `${n} reports`,
      { intervalMs: 20, timeoutMs: 10_000 },
    );

  beforeAll(async () => {
    url = await fake.start();
  });
  afterAll(async () => {
    await Promise.all(running.map(d => d.stop()));
    await fake.stop();
  });

  it('follows a Deployment through rollouts, replays, restarts, a second replica, a rollback and a stall', async () => {
    // Revision 3 (2.1.0) has been running for a day.
    fake.apply(replicaSet(v('2.1.0', 3), { createdAt: minutesAgo(1500) }));
    fake.apply(
      deployment(v('2.1.0', 3), {
        startedAt: minutesAgo(1500),
        changedAt: '2026-03-01T03:00:00Z',
      }),
    );

    const first = await start();
    expect(await waitForReports(first, 1)).toEqual([
      'k8s:prod-eu/payments/billing@3 2.1.0 succeeded',
    ]);
    expect(first.recorded[0]).toMatchObject({
      kubernetesId: 'billing',
      cluster: 'prod-eu',
      environment: 'production',
      namespace: 'payments',
      workload: 'billing',
      revision: '3',
      finishedAt: '2026-03-01T03:00:00.000Z',
    });

    // A CD system rolls out 2.2.0 as revision 4, with its deployment id and commit.
    const cd = {
      'strata.dev/deployment-id': 'ci-4711',
      'strata.dev/commit-sha': '9f2c1e7',
    };
    const rev4 = { ...v('2.2.0', 4), annotations: cd };
    fake.apply(replicaSet(rev4, { createdAt: '2026-03-02T03:00:00Z' }));
    fake.apply(
      deployment(rev4, {
        phase: 'progressing',
        startedAt: '2026-03-02T03:00:00Z',
        changedAt: '2026-03-02T03:00:05Z',
      }),
    );
    await waitForReports(first, 2);
    fake.apply(
      deployment(rev4, {
        phase: 'progressing',
        updatedReplicas: 2,
        startedAt: '2026-03-02T03:00:00Z',
        changedAt: '2026-03-02T03:01:00Z',
      }),
    );
    fake.apply(
      deployment(rev4, {
        phase: 'complete',
        startedAt: '2026-03-02T03:00:00Z',
        changedAt: '2026-03-02T03:02:30Z',
      }),
    );
    expect(await waitForReports(first, 3)).toEqual([
      'k8s:prod-eu/payments/billing@3 2.1.0 succeeded',
      'ci-4711 2.2.0 started',
      'ci-4711 2.2.0 succeeded',
    ]);
    expect(first.recorded[2]).toMatchObject({
      commitSha: '9f2c1e7',
      startedAt: '2026-03-02T03:00:00.000Z',
      finishedAt: '2026-03-02T03:02:30.000Z',
    });

    // The watch drops, history is compacted, the informers re-list the same state: nothing new.
    const lists = fake.count('list', 'deployments');
    fake.hold();
    fake.dropWatches();
    // Something else in the cluster changes meanwhile, so every watch's version is now compacted.
    fake.apply(deployment(workload('unrelated')));
    fake.compact();
    fake.release();
    await waitFor(
      async () =>
        fake.count('list', 'deployments') > lists ? true : undefined,
      're-list',
      {
        intervalMs: 20,
        timeoutMs: 10_000,
      },
    );
    fake.expireWatches();
    await settle();
    expect(first.recorded).toHaveLength(3);

    // A restart and a second replica derive the same rollout: same id, same start and end.
    const second = await start();
    const third = await start();
    await waitForReports(second, 1);
    await waitForReports(third, 1);
    await settle();
    expect(second.recorded).toEqual([first.recorded[2]]);
    expect(third.recorded).toEqual(second.recorded);

    // `kubectl rollout undo`: revision 5 reuses 2.1.0's ReplicaSet; 2.2.0 was rolled back.
    const rev5 = v('2.1.0', 5);
    fake.apply(
      replicaSet(rev5, {
        revision: 5,
        revisionHistory: '3',
        createdAt: minutesAgo(1500),
      }),
    );
    fake.apply(
      deployment(rev5, {
        phase: 'progressing',
        startedAt: '2026-03-02T04:00:00Z',
        changedAt: '2026-03-02T04:00:02Z',
      }),
    );
    await settle();
    expect(second.recorded).toHaveLength(1);
    fake.apply(
      deployment(rev5, {
        phase: 'complete',
        startedAt: '2026-03-02T04:00:00Z',
        changedAt: '2026-03-02T04:01:10Z',
      }),
    );
    await waitForReports(second, 2);
    await waitForReports(third, 2);
    expect(second.recorded[1]).toMatchObject({
      id: 'ci-4711',
      revision: '4',
      version: '2.2.0',
      outcome: 'rolled_back',
      finishedAt: '2026-03-02T04:01:10.000Z',
    });
    expect(third.recorded[1]).toEqual(second.recorded[1]);
    await waitForReports(first, 4);
    expect(first.recorded[3]).toEqual(second.recorded[1]);

    // 2.3.0 never becomes available: the controller gives up, the rollout failed.
    const rev6 = v('2.3.0', 6);
    fake.apply(replicaSet(rev6, { createdAt: '2026-03-02T05:00:00Z' }));
    fake.apply(
      deployment(rev6, {
        phase: 'progressing',
        startedAt: '2026-03-02T05:00:00Z',
        changedAt: '2026-03-02T05:00:03Z',
      }),
    );
    await waitForReports(second, 3);
    fake.apply(
      deployment(rev6, {
        phase: 'stalled',
        startedAt: '2026-03-02T05:00:00Z',
        changedAt: '2026-03-02T05:10:03Z',
      }),
    );
    expect((await waitForReports(second, 4)).slice(2)).toEqual([
      'k8s:prod-eu/payments/billing@6 2.3.0 started',
      'k8s:prod-eu/payments/billing@6 2.3.0 failed',
    ]);
    expect(second.recorded[3].finishedAt).toBe('2026-03-02T05:10:03.000Z');
  });
});
