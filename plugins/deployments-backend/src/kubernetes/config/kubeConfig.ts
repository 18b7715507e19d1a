/*
 * A client-node KubeConfig for one configured cluster: the credentials and TLS settings every
 * list and watch request of that cluster carries.
 */
import { KubeConfig } from '@kubernetes/client-node';
import { ClusterSpec } from './clusterConfig';

/** Where Kubernetes mounts a pod's own service-account token (rotated; re-read by client-node). */
const IN_CLUSTER_TOKEN_FILE =
  '/var/run/secrets/kubernetes.io/serviceaccount/token';

export function kubeConfigFor(spec: ClusterSpec): KubeConfig {
  const kc = new KubeConfig();
  if (spec.auth.type === 'kubeconfig') {
    kc.loadFromFile(spec.auth.file);
    kc.setCurrentContext(spec.auth.context);
    return kc;
  }
  let user: Record<string, unknown> = { name: 'strata' };
  if (spec.auth.type === 'serviceAccount') {
    user = spec.auth.token
      ? { name: 'strata', token: spec.auth.token }
      : {
          name: 'strata',
          authProvider: {
            name: 'tokenFile',
            config: { tokenFile: IN_CLUSTER_TOKEN_FILE },
          },
        };
  }
  kc.loadFromOptions({
    clusters: [
      {
        name: spec.name,
        server: spec.url,
        caData: spec.caData,
        caFile: spec.caFile,
        skipTLSVerify: spec.skipTLSVerify,
      },
    ],
    users: [user],
    contexts: [{ name: spec.name, cluster: spec.name, user: 'strata' }],
    currentContext: spec.name,
  });
  return kc;
}

/** The API server URL a kubeconfig cluster points at, for messages. */
export function serverOf(kc: KubeConfig): string {
  return kc.getCurrentCluster()?.server ?? '';
}
