import { billing, explainInput, NOW } from '../__testUtils__/explainFixtures';
import { event, pod, podName } from '../__testUtils__/fakeKubernetes';
import { explainUnschedulable } from './unschedulable';

describe('explainUnschedulable', () => {
  it("quotes the scheduler's verdict and explains insufficient memory with the pod's request", () => {
    const input = explainInput({
      workload: { ...billing, memoryRequest: '6Gi' },
      pods: [
        pod(
          { ...billing, memoryRequest: '6Gi' },
          { index: 0, condition: 'unschedulable', now: NOW },
        ),
        pod({ ...billing, memoryRequest: '6Gi' }, { index: 1, now: NOW }),
      ],
      events: [
        event({
          involved: {
            kind: 'Pod',
            name: podName(billing, 0),
            namespace: 'payments',
          },
          reason: 'FailedScheduling',
          component: 'default-scheduler',
          message:
            '0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
          now: NOW,
        }),
      ],
    });
    const [{ problem, events }] = explainUnschedulable(input);
    expect(problem.title).toBe(
      '1 of 2 pods is Pending: not enough free memory',
    );
    expect(problem.explanation).toContain(
      'It said: "0/3 nodes are available: 3 Insufficient memory."',
    );
    expect(problem.explanation).toContain(
      "for the pod's requests (6Gi per pod)",
    );
    expect(problem.checkFirst).toContain('resources.requests.memory');
    expect(problem.checkFirst).toContain('cluster autoscaler');
    expect(problem.pods).toEqual([podName(billing, 0)]);
    expect(events).toHaveLength(1);
  });

  it('explains taints and node selectors in one problem', () => {
    const input = explainInput({
      pods: [
        pod(billing, {
          condition: 'unschedulable',
          schedulerMessage:
            "0/5 nodes are available: 2 node(s) didn't match Pod's node affinity/selector, 3 node(s) had untolerated taint {dedicated: batch}. preemption: 0/5 nodes are available: 5 Preemption is not helpful for scheduling.",
          now: NOW,
        }),
      ],
    });
    const [{ problem }] = explainUnschedulable(input);
    expect(problem.title).toBe(
      'The only pod is Pending: no node matches its node selector or affinity; nodes carry taints it does not tolerate',
    );
    expect(problem.explanation).toContain('(dedicated: batch)');
  });
});
