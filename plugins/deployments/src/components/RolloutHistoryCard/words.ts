import { Rollout } from '@internal/plugin-deployments-common';
import { formatDuration } from '../../format';

export type OutcomeLabel =
  | 'Succeeded'
  | 'Failed'
  | 'Rolled back'
  | 'In progress';

/** The rollout's outcome as the table says it; no outcome yet means it is still running. */
export function outcomeLabel(rollout: Rollout): OutcomeLabel {
  switch (rollout.outcome) {
    case 'succeeded':
      return 'Succeeded';
    case 'failed':
      return 'Failed';
    case 'rolled_back':
      return 'Rolled back';
    default:
      return 'In progress';
  }
}

/**
 * How long the rollout took: the recorded duration, else finish − start; a running one reads
 * "running for 4 min".
 */
export function rolloutDuration(rollout: Rollout, now: Date): string {
  if (rollout.durationSeconds !== undefined) {
    return formatDuration(rollout.durationSeconds);
  }
  const started = Date.parse(rollout.startedAt);
  if (rollout.finishedAt) {
    return formatDuration((Date.parse(rollout.finishedAt) - started) / 1000);
  }
  if (!rollout.outcome && Number.isFinite(started)) {
    return `running for ${formatDuration((now.getTime() - started) / 1000)}`;
  }
  return 'unknown';
}

/** Who reported it: "Kubernetes (prod-eu/payments/billing, revision 12)" and/or "CD events". */
export function rolloutSources(rollout: Rollout): string[] {
  return rollout.sources.map(source => {
    if (source === 'kubernetes') {
      const k8s = rollout.kubernetes;
      return k8s
        ? `Kubernetes (${k8s.cluster}/${k8s.namespace}/${k8s.workload}, revision ${k8s.revision})`
        : 'Kubernetes';
    }
    return 'CD events';
  });
}
