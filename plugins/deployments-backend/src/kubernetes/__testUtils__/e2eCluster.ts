/*
 * The cluster the browser tests see (test code, never in the product's runtime path): the fake
 * Kubernetes API with the demo's billing service — a healthy `billing` Deployment and a
 * crash-looping `billing-worker` carrying the same kubernetes-id — started by
 * scripts/strata/test.sh next to the portal, like the fake GitHub.
 *
 *   node --require <backstage nodeTransform> e2eCluster.ts --config-out <file>
 *
 * Writes the portal's config layer (kubernetes.clusterLocatorMethods pointing at the fake,
 * deployments.clusterEnvironments) to <file>, prints "fake Kubernetes listening on <url>" and
 * serves until SIGTERM.
 */
import fs from 'node:fs';
import { FakeKubernetesApi, event, podName } from './fakeKubernetes';
import { applyWorkload, workload } from './scenario';

function argument(name: string): string {
  const index = process.argv.indexOf(name);
  const value = index >= 0 ? process.argv[index + 1] : undefined;
  if (!value) {
    throw new Error(`missing ${name} <value>`);
  }
  return value;
}

async function main() {
  const configOut = argument('--config-out');
  const fake = new FakeKubernetesApi({ tokens: ['e2e-cluster-token'] });
  const url = await fake.start();

  applyWorkload(
    fake,
    workload('billing', {
      image: 'registry.example.com/payments/billing:2.1.0',
    }),
    { hpa: { min: 2, max: 6 } },
  );
  const worker = workload('billing-worker', {
    kubernetesId: 'billing',
    image: 'registry.example.com/payments/billing-worker:2.2.0',
    revision: 3,
  });
  applyWorkload(fake, worker, {
    pods: [
      {
        condition: 'crash-loop',
        exitCode: 1,
        terminationReason: 'Error',
        restarts: 14,
      },
      {
        condition: 'crash-loop',
        exitCode: 1,
        terminationReason: 'Error',
        restarts: 12,
      },
      {},
    ],
    deployment: {
      phase: 'progressing',
      updatedReplicas: 2,
      availableReplicas: 1,
    },
    events: [
      event({
        involved: {
          kind: 'Pod',
          name: podName(worker, 0),
          namespace: 'payments',
        },
        reason: 'BackOff',
        message: `Back-off restarting failed container billing-worker in pod ${podName(
          worker,
          0,
        )}`,
        type: 'Warning',
        count: 14,
      }),
    ],
  });

  fs.writeFileSync(
    configOut,
    [
      '# Written by the browser tests (plugins/deployments-backend/src/kubernetes/__testUtils__/e2eCluster.ts).',
      'kubernetes:',
      '  clusterLocatorMethods:',
      '    - type: config',
      '      clusters:',
      '        - name: prod-eu',
      `          url: ${url}`,
      '          authProvider: serviceAccount',
      '          serviceAccountToken: e2e-cluster-token',
      '          # plain HTTP on loopback: client-node refuses it without this',
      '          skipTLSVerify: true',
      'deployments:',
      '  clusterEnvironments:',
      '    prod-eu: production',
      '',
    ].join('\n'),
  );
  // eslint-disable-next-line no-console
  console.log(`fake Kubernetes listening on ${url}`);
  const stop = () => {
    fake.stop().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch(error => {
  // eslint-disable-next-line no-console
  console.error(error);
  process.exit(1);
});
