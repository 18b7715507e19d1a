/* Walks the (init) container statuses of pods, with what the explanations need alongside. */
import { ContainerSpec, ContainerStatus, SlimPod } from '../cache/objects';

export interface PodContainer {
  pod: SlimPod;
  status: ContainerStatus;
  spec?: ContainerSpec;
  init: boolean;
}

// Several explanations walk the same pods of one workload: walk them once per pods array.
const walked = new WeakMap<SlimPod[], PodContainer[]>();

export function podContainers(pods: SlimPod[]): PodContainer[] {
  const known = walked.get(pods);
  if (known) return known;
  const containers = pods.flatMap(pod => {
    const specOf = (name: string) =>
      pod.spec.containers.find(c => c.name === name);
    return [
      ...pod.status.initContainerStatuses.map(status => ({
        pod,
        status,
        init: true,
      })),
      ...pod.status.containerStatuses.map(status => ({
        pod,
        status,
        spec: specOf(status.name),
        init: false,
      })),
    ];
  });
  walked.set(pods, containers);
  return containers;
}

/** "container api" or "init container migrate". */
export function containerLabel(c: PodContainer): string {
  return `${c.init ? 'init container' : 'container'} ${c.status.name}`;
}

/** Pods among `hits`, once each, in order. */
export function podsOf(hits: PodContainer[]): SlimPod[] {
  return [...new Map(hits.map(h => [h.pod.metadata.name, h.pod])).values()];
}
