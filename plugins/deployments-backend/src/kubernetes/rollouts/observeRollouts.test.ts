import { billing, NOW } from '../__testUtils__/explainFixtures';
import {
  deployment,
  minutesAgo,
  replicaSet,
} from '../__testUtils__/fakeKubernetes';
import { slimDeployment, slimReplicaSet } from '../cache/slim';
import { observeRollouts } from './observeRollouts';

const ctx = { cluster: 'prod-eu', environment: 'production' };
const previous = {
  ...billing,
  image: 'registry.example.com/payments/billing:1.4.2',
  revision: 3,
};

function observe(d: Record<string, any>, replicaSets: Record<string, any>[]) {
  return observeRollouts(
    slimDeployment(d),
    replicaSets.map(slimReplicaSet),
    ctx,
  );
}

describe('observeRollouts', () => {
  const oldRs = replicaSet(previous, {
    replicas: 0,
    createdAt: minutesAgo(600, NOW),
  });
  const newRs = replicaSet(billing, { createdAt: minutesAgo(30, NOW) });

  it('reports a rollout in progress from its ReplicaSet, with a deterministic id', () => {
    expect(
      observe(deployment(billing, { phase: 'progressing', now: NOW }), [
        oldRs,
        newRs,
      ]),
    ).toEqual([
      {
        id: 'k8s:prod-eu/payments/billing@4',
        kubernetesId: 'billing',
        cluster: 'prod-eu',
        environment: 'production',
        namespace: 'payments',
        workload: 'billing',
        revision: '4',
        image: 'registry.example.com/payments/billing:1.4.3',
        version: '1.4.3',
        startedAt: '2026-03-02T02:42:00.000Z',
      },
    ]);
  });

  it('ends it as succeeded at the time the controller declared it complete', () => {
    const [rollout] = observe(
      deployment(billing, {
        phase: 'complete',
        changedAt: minutesAgo(22, NOW),
        now: NOW,
      }),
      [oldRs, newRs],
    );
    expect(rollout).toMatchObject({
      outcome: 'succeeded',
      finishedAt: '2026-03-02T02:50:00.000Z',
    });
  });

  it('ends it as failed on ProgressDeadlineExceeded', () => {
    const [rollout] = observe(
      deployment(billing, {
        phase: 'stalled',
        changedAt: minutesAgo(20, NOW),
        now: NOW,
      }),
      [oldRs, newRs],
    );
    expect(rollout).toMatchObject({
      outcome: 'failed',
      finishedAt: '2026-03-02T02:52:00.000Z',
    });
  });

  it("takes the CD system's deployment id and commit from the revision's ReplicaSet", () => {
    const cd = {
      'strata.dev/deployment-id': 'ci-4711',
      'strata.dev/commit-sha': '9f2c1e7',
    };
    const w = { ...billing, annotations: cd };
    const [rollout] = observe(deployment(w, { now: NOW }), [
      oldRs,
      replicaSet(w, { now: NOW }),
    ]);
    expect(rollout).toMatchObject({
      id: 'ci-4711',
      commitSha: '9f2c1e7',
      outcome: 'succeeded',
    });
  });

  it('waits while the ReplicaSet of the new revision is not in the cache yet', () => {
    expect(
      observe(deployment(billing, { phase: 'progressing', now: NOW }), [oldRs]),
    ).toEqual([]);
  });

  describe('a return to the previous template (rollback)', () => {
    // `kubectl rollout undo`: the controller reuses 1.4.2's ReplicaSet as revision 5 and records
    // its old revision 3 in revision-history; 1.4.3's ReplicaSet keeps revision 4.
    const back = { ...previous, revision: 5 };
    const reused = replicaSet(back, {
      revision: 5,
      revisionHistory: '3',
      createdAt: minutesAgo(600, NOW),
    });
    const replaced = replicaSet(billing, {
      replicas: 0,
      createdAt: minutesAgo(30, NOW),
    });

    it('reports the replaced revision as rolled_back once the previous version is fully back', () => {
      expect(
        observe(
          deployment(back, {
            phase: 'complete',
            changedAt: minutesAgo(5, NOW),
            now: NOW,
          }),
          [reused, replaced],
        ),
      ).toEqual([
        expect.objectContaining({
          id: 'k8s:prod-eu/payments/billing@4',
          revision: '4',
          version: '1.4.3',
          startedAt: '2026-03-02T02:42:00.000Z',
          finishedAt: '2026-03-02T03:07:00.000Z',
          outcome: 'rolled_back',
        }),
      ]);
    });

    it('reports nothing while the return is still rolling out, and never the return itself', () => {
      expect(
        observe(deployment(back, { phase: 'progressing', now: NOW }), [
          reused,
          replaced,
        ]),
      ).toEqual([]);
    });
  });
});
