import { ConfigReader } from '@backstage/config';
import { readDeploymentsKubernetesConfig } from './clusterConfig';

describe('readDeploymentsKubernetesConfig', () => {
  it('reads config clusters as the upstream Kubernetes plugin declares them, with environments and namespaces', () => {
    const result = readDeploymentsKubernetesConfig(
      new ConfigReader({
        kubernetes: {
          serviceLocatorMethod: { type: 'multiTenant' },
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [
                {
                  name: 'prod-eu',
                  url: 'https://k8s.eu',
                  authProvider: 'serviceAccount',
                  serviceAccountToken: 't1',
                  caData: 'Q0E=',
                },
                {
                  name: 'staging',
                  url: 'https://k8s.staging',
                  authProvider: 'serviceAccount',
                  skipTLSVerify: true,
                },
                {
                  name: 'gke-dev',
                  url: 'https://k8s.dev',
                  authProvider: 'google',
                },
              ],
            },
            { type: 'catalog' },
          ],
        },
        deployments: {
          clusterEnvironments: { 'prod-eu': 'production' },
          watchNamespaces: { 'prod-eu': ['payments', 'orders'] },
          watch: { listPageSize: 100 },
        },
      }),
    );
    expect(result.clusters).toEqual([
      {
        name: 'prod-eu',
        environment: 'production',
        url: 'https://k8s.eu',
        auth: { type: 'serviceAccount', token: 't1' },
        caData: 'Q0E=',
        caFile: undefined,
        skipTLSVerify: false,
        namespaces: ['payments', 'orders'],
      },
      {
        name: 'staging',
        environment: 'staging',
        url: 'https://k8s.staging',
        auth: { type: 'serviceAccount' },
        caData: undefined,
        caFile: undefined,
        skipTLSVerify: true,
      },
      expect.objectContaining({
        name: 'gke-dev',
        auth: {
          type: 'unsupported',
          reason:
            "cluster gke-dev uses authProvider google; the deployments plugin supports serviceAccount (a token, or the pod's own) and kubeconfig files (deployments.kubeconfig)",
        },
      }),
    ]);
    expect(result.ignored).toEqual([
      'kubernetes.clusterLocatorMethods[1] (type catalog) is not read by the deployments plugin; it reads types config and localKubectlProxy, and deployments.kubeconfig',
    ]);
    expect(result.tuning).toEqual({
      listPageSize: 100,
      initialBackoffMs: 1000,
      maxBackoffMs: 60_000,
      warningEventWindowMinutes: 60,
    });
  });

  it('has no clusters when nothing is configured (the card then says how to connect one)', () => {
    expect(
      readDeploymentsKubernetesConfig(new ConfigReader({})).clusters,
    ).toEqual([]);
  });

  it('adds kubeconfig contexts and a kubectl proxy', () => {
    const { clusters } = readDeploymentsKubernetesConfig(
      new ConfigReader({
        kubernetes: { clusterLocatorMethods: [{ type: 'localKubectlProxy' }] },
        deployments: {
          kubeconfig: {
            path: '/etc/strata/kubeconfig',
            contexts: ['kind-dev'],
          },
        },
      }),
    );
    expect(clusters.map(c => [c.name, c.auth.type, c.url])).toEqual([
      ['local', 'none', 'http://127.0.0.1:8001'],
      ['kind-dev', 'kubeconfig', ''],
    ]);
  });
});
