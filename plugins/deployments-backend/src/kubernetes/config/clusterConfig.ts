/*
 * The clusters to watch, read from the same configuration upstream Backstage's Kubernetes plugin
 * reads (`kubernetes.clusterLocatorMethods`), plus Strata's `deployments.*` keys (config.d.ts):
 *
 * - `type: config`: each cluster's name, url, authProvider (`serviceAccount` with
 *   serviceAccountToken, or the pod's own service-account token when none is given;
 *   `localKubectlProxy` for no credentials), caData/caFile, skipTLSVerify;
 * - `type: localKubectlProxy`: one cluster `local` at http://127.0.0.1:8001;
 * - `deployments.kubeconfig`: clusters from a kubeconfig file, one per context (kept out of
 *   `clusterLocatorMethods` because the upstream plugin's schema and locator reject unknown
 *   types). Whatever the file holds (client certificates, exec plugins) client-node applies.
 *
 * Other locator types (catalog, gke) are not supported here and are reported, not fatal; so are
 * auth providers other than serviceAccount: such a cluster is listed as not connected with the
 * reason, so the card says why instead of leaving it out.
 */
import { Config } from '@backstage/config';

export type ClusterAuth =
  | { type: 'serviceAccount'; token?: string }
  | { type: 'none' }
  | { type: 'kubeconfig'; file: string; context: string }
  | { type: 'unsupported'; reason: string };

export interface ClusterSpec {
  name: string;
  /** `deployments.clusterEnvironments[name]`, default the cluster's name. */
  environment: string;
  url: string;
  auth: ClusterAuth;
  caData?: string;
  caFile?: string;
  skipTLSVerify: boolean;
  /** `deployments.watchNamespaces[name]`: watch only these namespaces; default the whole cluster. */
  namespaces?: string[];
}

export interface WatchTuning {
  /** Objects per list page (limit/continue). Default 500, as client-go's reflector. */
  listPageSize: number;
  /** First delay before re-trying a failed list or watch; doubles up to maxBackoffMs. */
  initialBackoffMs: number;
  maxBackoffMs: number;
  /** Warning events last seen longer ago than this are not shown. */
  warningEventWindowMinutes: number;
}

export interface DeploymentsKubernetesConfig {
  clusters: ClusterSpec[];
  tuning: WatchTuning;
  /** Configuration that was skipped, in words for the log. */
  ignored: string[];
}

const AUTH_PROVIDER_ANNOTATION = 'kubernetes.io/auth-provider';

function authOf(c: Config, name: string): ClusterAuth {
  const authMetadata = c.getOptionalConfig('authMetadata');
  const provider =
    authMetadata?.getOptionalString(AUTH_PROVIDER_ANNOTATION) ??
    c.getOptionalString('authProvider') ??
    'serviceAccount';
  if (provider === 'serviceAccount') {
    const token =
      c.getOptionalString('serviceAccountToken') ??
      authMetadata?.getOptionalString('serviceAccountToken');
    return { type: 'serviceAccount', ...(token ? { token } : {}) };
  }
  if (provider === 'localKubectlProxy') return { type: 'none' };
  return {
    type: 'unsupported',
    reason: `cluster ${name} uses authProvider ${provider}; the deployments plugin supports serviceAccount (a token, or the pod's own) and kubeconfig files (deployments.kubeconfig)`,
  };
}

function readKubeconfigClusters(
  config: Config,
): Array<Omit<ClusterSpec, 'environment'>> {
  const kc = config.getOptionalConfig('deployments.kubeconfig');
  if (!kc) return [];
  const file = kc.getString('path');
  const contexts = kc.getStringArray('contexts');
  return contexts.map(context => ({
    name: context,
    url: '',
    auth: { type: 'kubeconfig', file, context },
    skipTLSVerify: false,
  }));
}

export function readDeploymentsKubernetesConfig(
  config: Config,
): DeploymentsKubernetesConfig {
  const ignored: string[] = [];
  const found: Array<Omit<ClusterSpec, 'environment'>> = [];
  const methods =
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  methods.forEach((method, index) => {
    const type = method.getString('type');
    if (type === 'config') {
      for (const c of method.getOptionalConfigArray('clusters') ?? []) {
        const name = c.getString('name');
        found.push({
          name,
          url: c.getString('url'),
          auth: authOf(c, name),
          caData: c.getOptionalString('caData'),
          caFile: c.getOptionalString('caFile'),
          skipTLSVerify: c.getOptionalBoolean('skipTLSVerify') ?? false,
        });
      }
    } else if (type === 'localKubectlProxy') {
      // kubectl proxy speaks plain HTTP on loopback; client-node allows HTTP only with skipTLSVerify.
      found.push({
        name: 'local',
        url: 'http://127.0.0.1:8001',
        auth: { type: 'none' },
        skipTLSVerify: true,
      });
    } else {
      ignored.push(
        `kubernetes.clusterLocatorMethods[${index}] (type ${type}) is not read by the deployments plugin; it reads types config and localKubectlProxy, and deployments.kubeconfig`,
      );
    }
  });
  found.push(...readKubeconfigClusters(config));

  const environments = config.getOptionalConfig(
    'deployments.clusterEnvironments',
  );
  const namespaces = config.getOptionalConfig('deployments.watchNamespaces');
  const seen = new Set<string>();
  const clusters: ClusterSpec[] = [];
  for (const cluster of found) {
    if (seen.has(cluster.name)) {
      ignored.push(
        `a second cluster named ${cluster.name} (cluster names must be unique; the first one is watched)`,
      );
      continue;
    }
    seen.add(cluster.name);
    const ns = namespaces?.getOptionalStringArray(cluster.name);
    clusters.push({
      ...cluster,
      environment:
        environments?.getOptionalString(cluster.name) ?? cluster.name,
      ...(ns && ns.length > 0 ? { namespaces: ns } : {}),
    });
  }

  const watch = config.getOptionalConfig('deployments.watch');
  return {
    clusters,
    ignored,
    tuning: {
      listPageSize: watch?.getOptionalNumber('listPageSize') ?? 500,
      initialBackoffMs: watch?.getOptionalNumber('initialBackoffMs') ?? 1000,
      maxBackoffMs: watch?.getOptionalNumber('maxBackoffMs') ?? 60_000,
      warningEventWindowMinutes:
        config.getOptionalNumber('deployments.warningEventWindowMinutes') ?? 60,
    },
  };
}
