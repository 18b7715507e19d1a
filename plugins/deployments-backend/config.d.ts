/*
 * Configuration of the deployments plugin. The clusters themselves are read from
 * `kubernetes.clusterLocatorMethods` (declared by @backstage/plugin-kubernetes-backend: types
 * `config` and `localKubectlProxy` are read here); the keys below add what upstream has no place
 * for.
 */
export interface Config {
  deployments?: {
    /**
     * The environment whose deployments DORA figures are about. Default `production`.
     * @visibility backend
     */
    productionEnvironment?: string;
    /**
     * The environment each cluster serves, by cluster name (e.g. `prod-eu: production`).
     * A cluster not listed serves the environment named as the cluster.
     * @visibility backend
     */
    clusterEnvironments?: { [clusterName: string]: string };
    /**
     * Watch only these namespaces of a cluster (one informer per kind and namespace), for
     * service accounts whose RBAC is namespaced. A cluster not listed is watched cluster-wide.
     * @visibility backend
     */
    watchNamespaces?: { [clusterName: string]: string[] };
    /**
     * Clusters from a kubeconfig file: one cluster per listed context, named as the context,
     * with whatever credentials the file holds (tokens, client certificates, exec plugins).
     * Kept out of `kubernetes.clusterLocatorMethods`, whose schema and locator upstream reject
     * unknown types.
     * @visibility backend
     */
    kubeconfig?: {
      /** Path of the kubeconfig file. */
      path: string;
      /** The contexts to watch. */
      contexts: string[];
    };
    /**
     * Tuning of the watches.
     * @visibility backend
     */
    watch?: {
      /** Objects per list page (limit/continue). Default 500. */
      listPageSize?: number;
      /** First delay before retrying a failed list or watch, doubling up to maxBackoffMs. Default 1000. */
      initialBackoffMs?: number;
      /** Longest delay between retries. Default 60000. */
      maxBackoffMs?: number;
    };
    /**
     * Warning events last seen longer ago than this many minutes are not shown. Default 60.
     * @visibility backend
     */
    warningEventWindowMinutes?: number;
  };
}
