/*
 * Starts the Kubernetes side of the plugin against fake API servers, as plugin.ts would with
 * configuration, with short back-offs so tests see retries quickly.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { waitFor } from '@internal/backend-test-kit';
import { ServiceDeploymentStatus } from '@internal/plugin-deployments-common';
import { Entity } from '@backstage/catalog-model';
import { createKubernetesDeploymentsWithClusters } from '..';
import { ObservedRollout } from '../types';

export interface TestCluster {
  name: string;
  url: string;
  token?: string;
  environment?: string;
  namespaces?: string[];
}

export function startDeployments(
  clusters: TestCluster[],
  options: { listPageSize?: number; sink?: ObservedRollout[] } = {},
) {
  const recorded = options.sink ?? [];
  const config = new ConfigReader({
    kubernetes: {
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: clusters.map(c => ({
            name: c.name,
            url: c.url,
            authProvider: 'serviceAccount',
            serviceAccountToken: c.token ?? 'test-token',
            // client-node refuses plain HTTP unless TLS verification is explicitly off.
            skipTLSVerify: true,
          })),
        },
      ],
    },
    deployments: {
      clusterEnvironments: Object.fromEntries(
        clusters.filter(c => c.environment).map(c => [c.name, c.environment]),
      ),
      watchNamespaces: Object.fromEntries(
        clusters.filter(c => c.namespaces).map(c => [c.name, c.namespaces]),
      ),
      watch: {
        initialBackoffMs: 50,
        maxBackoffMs: 400,
        listPageSize: options.listPageSize ?? 500,
      },
    },
  });
  const deployments = createKubernetesDeploymentsWithClusters({
    config,
    logger: mockServices.logger.mock(),
    sink: { recordObservedRollout: async r => void recorded.push(r) },
  });
  return { ...deployments, recorded };
}

export function entity(
  kubernetesId: string,
  annotations: Record<string, string> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: kubernetesId,
      namespace: 'default',
      annotations: {
        'backstage.io/kubernetes-id': kubernetesId,
        ...annotations,
      },
    },
    spec: {
      type: 'service',
      owner: 'group:default/payments',
      lifecycle: 'production',
    },
  };
}

/** Polls the status until `accept` returns something. */
export function waitForStatus<T>(
  status: { getStatus(e: Entity): Promise<ServiceDeploymentStatus> },
  e: Entity,
  accept: (s: ServiceDeploymentStatus) => T | undefined,
  what: string,
): Promise<T> {
  return waitFor(async () => accept(await status.getStatus(e)), what, {
    intervalMs: 20,
    timeoutMs: 15_000,
  });
}

/** Every cluster synced (state ok). */
export function allOk(s: ServiceDeploymentStatus): true | undefined {
  return s.clusters.every(c => c.state === 'ok') ? true : undefined;
}
