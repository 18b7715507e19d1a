/*
 * A stalled rollout: the deployment controller gave up waiting (Progressing=False, reason
 * ProgressDeadlineExceeded) because the new ReplicaSet did not become available within
 * spec.progressDeadlineSeconds. Kubernetes does not roll back by itself.
 */
import { ANNOTATION_REVISION } from '../cache/slim';
import { isStalled, progressingCondition } from '../status/rolloutState';
import { ExplainInput, Explanation } from './types';

export function explainRolloutStalled(input: ExplainInput): Explanation[] {
  const d = input.deployment;
  if (!isStalled(d)) return [];
  const condition = progressingCondition(d)!;
  const revision = d.metadata.annotations[ANNOTATION_REVISION];
  const deadline = d.spec.progressDeadlineSeconds ?? 600;
  const { name, namespace } = d.metadata;
  return [
    {
      events: [],
      problem: {
        kind: 'rollout-stalled',
        severity: 'error',
        title: `The rollout${
          revision ? ` of revision ${revision}` : ''
        } stalled: ${d.status.updatedReplicas} of ${
          d.spec.replicas
        } replicas updated, ${
          d.status.availableReplicas
        } available, deadline of ${deadline} s exceeded`,
        explanation:
          `The new version did not become available within the progress deadline (${deadline} s), and Kubernetes stopped waiting for it. ` +
          'It does not roll back on its own: pods of the previous version that are still running keep serving, and the new pods stay as they are.',
        checkFirst:
          `The pod problems of this workload say why the new pods are not available (crash-loop, image pull, pending, readiness). ` +
          `To go back to the previous version: \`kubectl rollout undo deployment/${name} -n ${namespace}\` (or redeploy the previous version through your CD system).`,
        pods: [],
        evidence: [
          `Progressing=False, reason ProgressDeadlineExceeded${
            condition.lastTransitionTime
              ? ` since ${condition.lastTransitionTime}`
              : ''
          }${condition.message ? `: ${condition.message}` : ''}`,
        ],
      },
    },
  ];
}
