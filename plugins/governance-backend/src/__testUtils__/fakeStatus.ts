import type {
  ServiceDeploymentStatus,
  WorkloadContainer,
} from '@internal/plugin-deployments-common';

/** A container as a well-configured pod template has it: both limits and a readiness probe. */
export const wellConfigured = (name: string): WorkloadContainer => ({
  name,
  limits: { cpu: '500m', memory: '256Mi' },
  readinessProbe: true,
});

/** The deployments plugin's answer when no cluster is configured. */
export const noClusters = async (
  entityRef: string,
): Promise<ServiceDeploymentStatus> => ({
  entityRef,
  selector: `label backstage.io/kubernetes-id=${entityRef.split('/')[1]}`,
  clustersConfigured: false,
  clusters: [],
});

/**
 * One production cluster where every service runs one replica; `containers` gives a service's
 * containers (default: one well-configured container named after it).
 */
export const oneReplicaEach = async (
  entityRef: string,
  containers?: WorkloadContainer[],
): Promise<ServiceDeploymentStatus> => {
  const name = entityRef.split('/')[1];
  return {
    entityRef,
    selector: `label backstage.io/kubernetes-id=${name}`,
    clustersConfigured: true,
    clusters: [
      {
        cluster: 'prod-eu',
        environment: 'production',
        state: 'ok',
        workloads: [
          {
            name,
            namespace: 'dataflow',
            image: `registry.local/${name}:1.0.0`,
            version: '1.0.0',
            replicas: { desired: 1, updated: 1, ready: 1, available: 1 },
            rollout: 'complete',
            problems: [],
            containers: containers ?? [wellConfigured(name)],
            pods: [],
            warningEvents: [],
          },
        ],
      },
    ],
  };
};
