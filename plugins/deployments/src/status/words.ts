import {
  ClusterDeploymentStatus,
  RolloutState,
} from '@internal/plugin-deployments-common';
import { formatMoment } from '../format';

/** The rollout state as a short label. */
export const ROLLOUT_STATE_LABELS: Record<RolloutState, string> = {
  progressing: 'Rolling out',
  complete: 'Rolled out',
  stalled: 'Stalled',
  paused: 'Paused',
  'scaled-to-zero': 'Scaled to zero',
};

/** What a cluster that is not `ok` means for the card, in words. */
export interface ClusterStateWords {
  /** e.g. "Unreachable since 03:12". */
  headline: string;
  /** What to check first. */
  hint: string;
  severity: 'error' | 'warning' | 'info';
}

const STATE_WORDS: Record<
  Exclude<ClusterDeploymentStatus['state'], 'ok'>,
  { label: string; hint: string; severity: ClusterStateWords['severity'] }
> = {
  unreachable: {
    label: 'Unreachable',
    hint: "The portal's backend cannot reach this cluster's API server. Check the cluster's url under kubernetes.clusterLocatorMethods, the network path from the backend, and TLS (caData or skipTLSVerify). What is shown for this cluster resumes when it answers again.",
    severity: 'error',
  },
  forbidden: {
    label: 'Access denied',
    hint: "The portal's service account may not list or watch something it needs. Grant it get, list and watch on deployments, replicasets, pods, horizontalpodautoscalers and events (a ClusterRole or Role and its binding).",
    severity: 'error',
  },
  unauthenticated: {
    label: 'Credentials refused',
    hint: 'The API server rejected the credentials: the service-account token is wrong or expired. Renew it (serviceAccountToken or the kubeconfig under kubernetes.clusterLocatorMethods).',
    severity: 'error',
  },
  syncing: {
    label: 'Syncing',
    hint: 'The portal has just started watching this cluster and the first list has not finished yet; the workloads appear within seconds.',
    severity: 'info',
  },
};

/** Words for a cluster whose part of the answer is missing or partial; undefined when `ok`. */
export function clusterStateWords(
  cluster: ClusterDeploymentStatus,
  now: Date = new Date(),
): ClusterStateWords | undefined {
  if (cluster.state === 'ok') return undefined;
  const words = STATE_WORDS[cluster.state];
  const since = cluster.since
    ? ` since ${formatMoment(cluster.since, now)}`
    : '';
  return {
    headline: `${words.label}${since}`,
    hint: words.hint,
    severity: words.severity,
  };
}

/** "production (cluster prod-eu-1)", or just the name when the environment is the cluster. */
export function clusterTitle(cluster: ClusterDeploymentStatus): string {
  return cluster.environment === cluster.cluster
    ? cluster.cluster
    : `${cluster.environment} (cluster ${cluster.cluster})`;
}
