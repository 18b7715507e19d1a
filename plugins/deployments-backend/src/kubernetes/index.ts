/*
 * The Kubernetes side of the deployments plugin: clusters from configuration, one watch cache
 * per cluster, status read from those caches, and rollouts reported to a sink as the watch sees
 * them. plugin.ts creates it, calls start() when the backend starts and stop() when it stops.
 */
import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { readDeploymentsKubernetesConfig } from './config/clusterConfig';
import { RolloutTracker } from './rollouts/RolloutTracker';
import { StatusService } from './status/StatusService';
import { DeploymentStatusSource, RolloutSink } from './types';
import { ClusterWatch } from './watch/ClusterWatch';

export type {
  DeploymentStatusSource,
  ObservedRollout,
  RolloutSink,
} from './types';

export interface KubernetesDeployments {
  status: DeploymentStatusSource;
  /** Starts the watches; returns at once — clusters sync (and fail) in the background. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface KubernetesDeploymentsOptions {
  config: RootConfigService;
  logger: LoggerService;
  sink: RolloutSink;
}

/** Also returns the cluster watches, for tests and the benchmark. */
export function createKubernetesDeploymentsWithClusters(
  options: KubernetesDeploymentsOptions & {
    watchTimeoutSeconds?: () => number;
    now?: () => Date;
  },
): KubernetesDeployments & { clusters: ClusterWatch[] } {
  const { logger } = options;
  const {
    clusters: specs,
    tuning,
    ignored,
  } = readDeploymentsKubernetesConfig(options.config);
  for (const line of ignored) logger.warn(line);
  const tracker = new RolloutTracker(options.sink, logger);
  const clusters = specs.map(
    spec =>
      new ClusterWatch({
        spec,
        tuning,
        logger: logger.child({ cluster: spec.name }),
        tracker,
        watchTimeoutSeconds: options.watchTimeoutSeconds,
        now: options.now,
      }),
  );
  const status = new StatusService(clusters, {
    warningEventWindowMinutes: tuning.warningEventWindowMinutes,
    now: options.now,
  });
  return {
    status,
    clusters,
    async start() {
      if (clusters.length === 0) {
        logger.info(
          'No Kubernetes cluster configured (kubernetes.clusterLocatorMethods): deployment status is empty',
        );
      }
      for (const cluster of clusters) {
        cluster
          .start()
          .catch(error =>
            logger.error(
              `cluster ${cluster.name}: the watch did not start`,
              error,
            ),
          );
      }
    },
    async stop() {
      await Promise.all(clusters.map(c => c.stop()));
      await tracker.idle();
    },
  };
}

export function createKubernetesDeployments(
  options: KubernetesDeploymentsOptions,
): KubernetesDeployments {
  const { status, start, stop } =
    createKubernetesDeploymentsWithClusters(options);
  return { status, start, stop };
}
