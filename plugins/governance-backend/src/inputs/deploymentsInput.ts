import type {
  ServiceDeploymentStatus,
  WorkloadContainer,
} from '@internal/plugin-deployments-common';
import type {
  WorkloadContainerInput,
  WorkloadInput,
} from '@internal/plugin-governance-common';
import type { SourceResult } from './source';

/** Reads one service's workloads from the deployments plugin (`GET /api/deployments/v1/status`). */
export type StatusReader = (
  entityRef: string,
) => Promise<ServiceDeploymentStatus>;

/** Status requests in flight at once: the answers come from the watch cache, not the clusters. */
const CONCURRENCY = 8;

/**
 * The workloads of the given services. The deployments plugin answers per service, so this asks
 * for each (a few at a time). No cluster configured means the Kubernetes rules cannot run:
 * the source is unavailable, not "no workloads" (which would hide nothing, but say nothing).
 *
 * The status carries replicas, autoscaler bounds and the pod template's containers (limits,
 * readiness probe). An answer without `containers` (an older deployments backend) leaves them
 * undefined, so the limits and readiness rules skip that workload instead of guessing.
 */
export async function readWorkloads(
  status: StatusReader,
  entityRefs: string[],
): Promise<SourceResult<WorkloadInput[]>> {
  if (entityRefs.length === 0) return { status: 'ok', data: [] };
  const first = await status(entityRefs[0]);
  if (!first.clustersConfigured) {
    return {
      status: 'unavailable',
      reason: 'the deployments plugin has no Kubernetes cluster configured',
    };
  }
  const answers: ServiceDeploymentStatus[] = [first];
  let next = 1;
  const worker = async () => {
    while (next < entityRefs.length) {
      const ref = entityRefs[next++];
      answers.push(await status(ref));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));

  const workloads: WorkloadInput[] = [];
  for (const answer of answers) {
    for (const cluster of answer.clusters) {
      for (const workload of cluster.workloads) {
        workloads.push({
          entityRef: answer.entityRef.toLocaleLowerCase('en-US'),
          cluster: cluster.cluster,
          environment: cluster.environment,
          namespace: workload.namespace,
          name: workload.name,
          replicas: workload.replicas.desired,
          ...(workload.hpa && { minReplicas: workload.hpa.minReplicas }),
          ...(workload.containers && {
            containers: workload.containers.map(containerInput),
          }),
        });
      }
    }
  }
  return { status: 'ok', data: workloads };
}

/** The rule wants both limits: without a CPU limit one container can starve its node's others. */
function containerInput(container: WorkloadContainer): WorkloadContainerInput {
  return {
    name: container.name,
    hasLimits: Boolean(container.limits.cpu && container.limits.memory),
    hasReadinessProbe: container.readinessProbe,
  };
}
