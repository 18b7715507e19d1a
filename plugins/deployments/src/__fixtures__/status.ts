import {
  ClusterDeploymentStatus,
  ServiceDeploymentStatus,
  WorkloadStatus,
} from '@internal/plugin-deployments-common';

/** A Deployment that rolled out and is healthy. */
export const healthyBilling: WorkloadStatus = {
  name: 'billing',
  namespace: 'payments',
  image: 'registry.dataflow.dev/billing:1.4.2',
  version: '1.4.2',
  revision: '12',
  replicas: { desired: 3, updated: 3, ready: 3, available: 3 },
  rollout: 'complete',
  problems: [],
  pods: [
    {
      name: 'billing-7d9f8-abcde',
      phase: 'Running',
      ready: true,
      restarts: 0,
      nodeName: 'node-a',
    },
    {
      name: 'billing-7d9f8-fghij',
      phase: 'Running',
      ready: true,
      restarts: 0,
      nodeName: 'node-b',
    },
    {
      name: 'billing-7d9f8-klmno',
      phase: 'Running',
      ready: true,
      restarts: 0,
      nodeName: 'node-c',
    },
  ],
  warningEvents: [],
  hpa: {
    name: 'billing',
    minReplicas: 2,
    maxReplicas: 6,
    currentReplicas: 3,
    desiredReplicas: 3,
  },
};

/** A worker whose new version crash-loops: the words the backend writes for it. */
export const crashLoopingWorker: WorkloadStatus = {
  name: 'billing-worker',
  namespace: 'payments',
  image: 'registry.dataflow.dev/billing-worker:1.5.0',
  version: '1.5.0',
  revision: '7',
  replicas: { desired: 3, updated: 2, ready: 1, available: 1 },
  rollout: 'progressing',
  problems: [
    {
      kind: 'warning-event',
      severity: 'warning',
      title: 'Back-off restarting failed container (14 times in 10 min)',
      explanation: 'Kubernetes keeps restarting a container that exits.',
      checkFirst: 'The crash-loop below.',
      pods: [],
      evidence: ['BackOff: Back-off restarting failed container worker'],
    },
    {
      kind: 'crash-loop',
      severity: 'error',
      title: '2 of 3 pods are crash-looping (exit code 1, Error)',
      explanation:
        'The container starts, exits with an error, and Kubernetes restarts it with a growing delay; the service runs on the remaining pods.',
      checkFirst:
        "The container's log before the last restart (kubectl logs --previous): a missing setting or an unreachable dependency at start-up is the usual cause.",
      pods: ['billing-worker-5c6d-aaaaa', 'billing-worker-5c6d-bbbbb'],
      evidence: [
        'CrashLoopBackOff: back-off 5m0s restarting failed container=worker',
        'Last terminated: Error, exit code 1',
      ],
    },
  ],
  pods: [
    {
      name: 'billing-worker-5c6d-aaaaa',
      phase: 'Running',
      ready: false,
      restarts: 14,
      reason: 'CrashLoopBackOff',
      nodeName: 'node-a',
    },
    {
      name: 'billing-worker-5c6d-bbbbb',
      phase: 'Running',
      ready: false,
      restarts: 13,
      reason: 'CrashLoopBackOff',
      nodeName: 'node-b',
    },
    {
      name: 'billing-worker-4a1b-ccccc',
      phase: 'Running',
      ready: true,
      restarts: 0,
      nodeName: 'node-c',
    },
  ],
  warningEvents: [
    {
      reason: 'BackOff',
      message:
        'Back-off restarting failed container worker in pod billing-worker-5c6d-aaaaa',
      involvedObject: 'Pod/billing-worker-5c6d-aaaaa',
      count: 14,
      lastSeen: '2026-11-22T03:10:00.000Z',
    },
  ],
};

export function cluster(
  overrides: Partial<ClusterDeploymentStatus> & { cluster: string },
): ClusterDeploymentStatus {
  return {
    environment: overrides.cluster,
    state: 'ok',
    workloads: [],
    ...overrides,
  };
}

export function serviceStatus(
  clusters: ClusterDeploymentStatus[],
  overrides: Partial<ServiceDeploymentStatus> = {},
): ServiceDeploymentStatus {
  return {
    entityRef: 'component:default/billing',
    selector: 'label backstage.io/kubernetes-id=billing',
    clustersConfigured: true,
    clusters,
    ...overrides,
  };
}
