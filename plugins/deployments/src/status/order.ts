import {
  ClusterDeploymentStatus,
  WorkloadProblem,
  WorkloadStatus,
} from '@internal/plugin-deployments-common';

/*
 * "Problems first", decided here once for the whole card. The backend already sends clusters
 * with problems first; the card sorts again (stably) so the rule holds whatever the source, and
 * so workloads and problems inside a cluster follow the same rule.
 */

function problemsRank(problems: WorkloadProblem[]): number {
  if (problems.some(p => p.severity === 'error')) return 0;
  if (problems.length > 0) return 1;
  return 2;
}

/** Workloads with errors, then with warnings, then healthy ones; stable otherwise. */
export function workloadsProblemsFirst(
  workloads: WorkloadStatus[],
): WorkloadStatus[] {
  return stableSortBy(workloads, w => problemsRank(w.problems));
}

/** Errors before warnings, in the order the backend gave them otherwise. */
export function problemsErrorsFirst(
  problems: WorkloadProblem[],
): WorkloadProblem[] {
  return stableSortBy(problems, p => (p.severity === 'error' ? 0 : 1));
}

/**
 * Clusters that cannot be read (unreachable, refused), then clusters with failing workloads,
 * then warnings, then ones still syncing, then healthy ones.
 */
export function clustersProblemsFirst(
  clusters: ClusterDeploymentStatus[],
): ClusterDeploymentStatus[] {
  return stableSortBy(clusters, cluster => {
    if (
      cluster.state === 'unreachable' ||
      cluster.state === 'forbidden' ||
      cluster.state === 'unauthenticated'
    ) {
      return 0;
    }
    const worst = Math.min(
      2,
      ...cluster.workloads.map(w => problemsRank(w.problems)),
    );
    if (worst < 2) return 1 + worst;
    return cluster.state === 'syncing' ? 3 : 4;
  });
}

/** Whether anything in the cluster needs attention (for the section's summary line). */
export function clusterHasProblems(cluster: ClusterDeploymentStatus): boolean {
  return (
    cluster.state !== 'ok' || cluster.workloads.some(w => w.problems.length > 0)
  );
}

function stableSortBy<T>(items: T[], rank: (item: T) => number): T[] {
  return items
    .map((item, index) => ({ item, index, rank: rank(item) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(entry => entry.item);
}
