import type { ServiceDeploymentStatus } from '@internal/plugin-deployments-common';

/** The deployments plugin's answer when no cluster is configured. */
export const noClusters = async (
  entityRef: string,
): Promise<ServiceDeploymentStatus> => ({
  entityRef,
  selector: `label backstage.io/kubernetes-id=${entityRef.split('/')[1]}`,
  clustersConfigured: false,
  clusters: [],
});

/** One production cluster where every service runs one replica. */
export const oneReplicaEach = async (
  entityRef: string,
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
            pods: [],
            warningEvents: [],
          },
        ],
      },
    ],
  };
};
