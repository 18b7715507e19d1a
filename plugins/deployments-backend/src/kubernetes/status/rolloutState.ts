/*
 * A Deployment's rollout state, from its spec and status the way `kubectl rollout status` reads
 * them, plus the controller's own Progressing condition.
 */
import { RolloutState } from '@internal/plugin-deployments-common';
import { Condition, SlimDeployment } from '../cache/objects';

export function progressingCondition(d: SlimDeployment): Condition | undefined {
  return d.status.conditions.find(c => c.type === 'Progressing');
}

/** `Progressing=False` with reason `ProgressDeadlineExceeded`. */
export function isStalled(d: SlimDeployment): boolean {
  const c = progressingCondition(d);
  return c?.status === 'False' && c.reason === 'ProgressDeadlineExceeded';
}

/**
 * Every replica runs the current template and no old replica remains. Availability counts too,
 * unless the controller already declared this revision rolled out (`NewReplicaSetAvailable`):
 * a pod that crashes a week after a finished rollout is a problem of the workload, not a rollout
 * still in progress. Deterministic from the object, so every replica of the portal (and every
 * restart) agrees on when a rollout completed.
 */
export function isComplete(d: SlimDeployment): boolean {
  const { status, spec, metadata } = d;
  if ((status.observedGeneration ?? 0) < (metadata.generation ?? 0))
    return false;
  if (status.updatedReplicas !== spec.replicas) return false;
  if (status.replicas !== status.updatedReplicas) return false;
  return (
    status.availableReplicas >= status.updatedReplicas ||
    progressingCondition(d)?.reason === 'NewReplicaSetAvailable'
  );
}

export function rolloutState(d: SlimDeployment): RolloutState {
  if (d.spec.paused) return 'paused';
  if (isStalled(d)) return 'stalled';
  if (d.spec.replicas === 0 && d.status.replicas === 0) return 'scaled-to-zero';
  return isComplete(d) ? 'complete' : 'progressing';
}
