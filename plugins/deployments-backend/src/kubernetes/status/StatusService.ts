/*
 * DeploymentStatusSource over the clusters' watch caches: a page view costs a few index lookups
 * and the explanations, never a request to an API server, so Kubernetes API load does not grow
 * with viewers. Clusters and workloads with problems come first.
 */
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ClusterDeploymentStatus,
  ServiceDeploymentStatus,
  WorkloadStatus,
} from '@internal/plugin-deployments-common';
import { ClusterCache } from '../cache/ClusterCache';
import { workloadSelectorFor } from '../selector/workloadSelector';
import { DeploymentStatusSource } from '../types';
import { ClusterStatusSummary } from '../watch/ClusterWatch';
import { assembleWorkload } from './assembleWorkload';
import { WorkloadStatusMemo } from './WorkloadStatusMemo';

/** What the status needs of a watched cluster. */
export interface WatchedCluster {
  name: string;
  environment: string;
  cache: ClusterCache;
  status(): ClusterStatusSummary;
}

function rank(problems: WorkloadStatus['problems']): number {
  if (problems.some(p => p.severity === 'error')) return 0;
  if (problems.length > 0) return 1;
  return 2;
}

function clusterRank(c: ClusterDeploymentStatus): number {
  if (c.state !== 'ok' && c.state !== 'syncing') return 0;
  return 1 + Math.min(...c.workloads.map(w => rank(w.problems)), 2);
}

export class StatusService implements DeploymentStatusSource {
  private readonly memo = new WorkloadStatusMemo();

  constructor(
    private readonly clusters: WatchedCluster[],
    private readonly options: {
      warningEventWindowMinutes: number;
      now?: () => Date;
    },
  ) {}

  async getStatus(entity: Entity): Promise<ServiceDeploymentStatus> {
    const now = (this.options.now ?? (() => new Date()))();
    const selector = workloadSelectorFor(entity);
    const clusters = this.clusters.map((cluster, index) => {
      const deployments = selector.selector
        ? cluster.cache.deploymentsMatching(
            selector.selector,
            selector.namespace,
          )
        : [];
      const workloads = deployments
        .map(d => {
          const key = `${cluster.name}/${d.metadata.namespace}/${d.metadata.name}`;
          const version = cluster.cache.workloadVersion(
            `${d.metadata.namespace}/${d.metadata.name}`,
          );
          return this.memo.get(key, version, now.getTime(), () =>
            assembleWorkload(cluster.cache.workloadObjects(d), {
              now,
              eventWindowMinutes: this.options.warningEventWindowMinutes,
            }),
          );
        })
        .sort(
          (a, b) =>
            rank(a.problems) - rank(b.problems) || (a.name < b.name ? -1 : 1),
        );
      const summary = cluster.status();
      const status: ClusterDeploymentStatus = {
        cluster: cluster.name,
        environment: cluster.environment,
        state: summary.state,
        ...(summary.error ? { error: summary.error } : {}),
        ...(summary.since ? { since: summary.since } : {}),
        workloads,
      };
      return { status, index };
    });
    clusters.sort(
      (a, b) =>
        clusterRank(a.status) - clusterRank(b.status) || a.index - b.index,
    );
    return {
      entityRef: stringifyEntityRef(entity),
      selector: selector.description,
      clustersConfigured: this.clusters.length > 0,
      clusters: clusters.map(c => c.status),
    };
  }
}
