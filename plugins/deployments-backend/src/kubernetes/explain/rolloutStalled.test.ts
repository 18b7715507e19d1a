import { billing, explainInput } from '../__testUtils__/explainFixtures';
import { replicaSetName } from '../__testUtils__/fakeKubernetes';
import { explainRolloutStalled } from './rolloutStalled';

describe('explainRolloutStalled', () => {
  it('explains ProgressDeadlineExceeded and how to go back', () => {
    const input = explainInput({
      deployment: {
        phase: 'stalled',
        updatedReplicas: 1,
        availableReplicas: 2,
      },
    });
    const [{ problem }] = explainRolloutStalled(input);
    expect(problem.title).toBe(
      'The rollout of revision 4 stalled: 1 of 3 replicas updated, 2 available, deadline of 600 s exceeded',
    );
    expect(problem.explanation).toContain('does not roll back on its own');
    expect(problem.checkFirst).toContain(
      'kubectl rollout undo deployment/billing -n payments',
    );
    expect(problem.evidence[0]).toContain(
      `Progressing=False, reason ProgressDeadlineExceeded since 2026-03-02T02:47:00.000Z: ReplicaSet "${replicaSetName(
        billing,
      )}" has timed out progressing.`,
    );
  });

  it('is silent for progressing and complete rollouts', () => {
    expect(
      explainRolloutStalled(
        explainInput({ deployment: { phase: 'progressing' } }),
      ),
    ).toEqual([]);
    expect(
      explainRolloutStalled(
        explainInput({ deployment: { phase: 'complete' } }),
      ),
    ).toEqual([]);
  });
});
