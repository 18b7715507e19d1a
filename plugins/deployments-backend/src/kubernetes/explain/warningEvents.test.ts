import { billing, explainInput, NOW } from '../__testUtils__/explainFixtures';
import {
  event,
  pod,
  podName,
  replicaSetName,
} from '../__testUtils__/fakeKubernetes';
import { explainWorkload } from '.';

describe('Warning events and explainWorkload', () => {
  it('explains a ReplicaSet that may not create pods (quota) as an error', () => {
    const problems = explainWorkload(
      explainInput({
        events: [
          event({
            involved: {
              kind: 'ReplicaSet',
              name: replicaSetName(billing),
              namespace: 'payments',
            },
            reason: 'FailedCreate',
            component: 'replicaset-controller',
            message: `Error creating: pods "${replicaSetName(
              billing,
            )}-x7k2p" is forbidden: exceeded quota: compute, requested: limits.memory=512Mi, used: limits.memory=4Gi, limited: limits.memory=4Gi`,
            count: 17,
            now: NOW,
          }),
        ],
      }),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      kind: 'warning-event',
      severity: 'error',
      title: `ReplicaSet ${replicaSetName(
        billing,
      )} may not create pods: the namespace's resource quota is used up`,
    });
    expect(problems[0].evidence[0]).toContain(
      'FailedCreate (×17): Error creating',
    );
  });

  it('does not explain twice the events a specific explanation already quotes; errors come first', () => {
    const problems = explainWorkload(
      explainInput({
        pods: [
          pod(billing, { index: 0, condition: 'crash-loop', now: NOW }),
          pod(billing, { index: 1, now: NOW }),
        ],
        events: [
          event({
            involved: {
              kind: 'Pod',
              name: podName(billing, 0),
              namespace: 'payments',
            },
            reason: 'BackOff',
            message: `Back-off restarting failed container billing in pod ${podName(
              billing,
              0,
            )}_payments(uid)`,
            now: NOW,
          }),
          event({
            involved: {
              kind: 'Pod',
              name: podName(billing, 1),
              namespace: 'payments',
            },
            reason: 'Unhealthy',
            message:
              'Liveness probe failed: Get "http://10.244.1.17:8080/live": context deadline exceeded',
            count: 3,
            now: NOW,
          }),
        ],
        deployment: { phase: 'stalled' },
      }),
    );
    expect(problems.map(p => p.kind)).toEqual([
      'rollout-stalled',
      'crash-loop',
      'warning-event',
    ]);
    expect(problems[2].title).toBe(
      `Liveness probe failing on Pod ${podName(
        billing,
        1,
      )}: the kubelet restarts the container`,
    );
    expect(problems[2].pods).toEqual([podName(billing, 1)]);
  });

  it('shows an unknown reason as Kubernetes wrote it', () => {
    const [problem] = explainWorkload(
      explainInput({
        events: [
          event({
            involved: {
              kind: 'Pod',
              name: podName(billing, 0),
              namespace: 'payments',
            },
            reason: 'NetworkNotReady',
            message:
              'network is not ready: container runtime network not ready',
            count: 2,
            now: NOW,
          }),
        ],
      }),
    );
    expect(problem.title).toBe(
      `Kubernetes warned NetworkNotReady 2 times on Pod ${podName(
        billing,
        0,
      )}: network is not ready: container runtime network not ready`,
    );
    expect(problem.severity).toBe('warning');
  });
});
