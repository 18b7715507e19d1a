/*
 * One workload's status from the cache's objects: what it runs, how far its rollout is, its
 * pods, and its problems explained. Pure: `now` decides what counts as recent.
 */
import {
  HorizontalPodAutoscalerSummary,
  PodSummary,
  WarningEvent,
  WorkloadContainer,
  WorkloadStatus,
} from '@internal/plugin-deployments-common';
import { WorkloadObjects } from '../cache/ClusterCache';
import {
  ContainerSpec,
  SlimEvent,
  SlimHorizontalPodAutoscaler,
  SlimPod,
} from '../cache/objects';
import { ANNOTATION_REVISION } from '../cache/slim';
import { explainWorkload } from '../explain';
import { versionOf } from './imageVersion';
import { rolloutState } from './rolloutState';

export interface AssembleOptions {
  now: Date;
  /** Warning events last seen longer ago than this are history (default 60). */
  eventWindowMinutes?: number;
}

const MAX_EVENTS = 20;

function podReason(pod: SlimPod): string | undefined {
  const statuses = [
    ...pod.status.initContainerStatuses,
    ...pod.status.containerStatuses,
  ];
  const waiting = statuses.find(c => c.state.waiting?.reason)?.state.waiting
    ?.reason;
  if (waiting) return waiting;
  const terminated = statuses.find(c => c.state.terminated?.reason)?.state
    .terminated?.reason;
  if (terminated) return terminated;
  const scheduled = pod.status.conditions.find(c => c.type === 'PodScheduled');
  if (scheduled?.status === 'False') return scheduled.reason ?? 'Unschedulable';
  if (pod.status.reason) return pod.status.reason;
  const notReady =
    pod.status.phase === 'Running' && statuses.some(c => !c.ready);
  if (notReady) return 'NotReady';
  // Running again, but restarted: what ended the previous run is still worth showing.
  return statuses.find(
    c => c.restartCount > 0 && c.lastState.terminated?.reason,
  )?.lastState.terminated?.reason;
}

export function summarizePod(pod: SlimPod): PodSummary {
  const ready =
    pod.status.conditions.find(c => c.type === 'Ready')?.status === 'True';
  const restarts = pod.status.containerStatuses.reduce(
    (n, c) => n + c.restartCount,
    0,
  );
  const reason = podReason(pod);
  return {
    name: pod.metadata.name,
    phase: pod.status.phase,
    ready,
    restarts,
    ...(reason ? { reason } : {}),
    ...(pod.spec.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    ...(pod.status.startTime ? { startedAt: pod.status.startTime } : {}),
  };
}

function summarizeHpa(
  hpa: SlimHorizontalPodAutoscaler,
): HorizontalPodAutoscalerSummary {
  return {
    name: hpa.metadata.name,
    minReplicas: hpa.spec.minReplicas,
    maxReplicas: hpa.spec.maxReplicas,
    currentReplicas: hpa.status.currentReplicas,
    desiredReplicas: hpa.status.desiredReplicas,
  };
}

export function recentWarnings(
  events: SlimEvent[],
  now: Date,
  windowMinutes: number,
): SlimEvent[] {
  const since = now.getTime() - windowMinutes * 60_000;
  return events
    .filter(e => e.type === 'Warning')
    .filter(e => !e.lastSeen || new Date(e.lastSeen).getTime() >= since)
    .sort((a, b) => ((a.lastSeen ?? '') < (b.lastSeen ?? '') ? 1 : -1));
}

function toWarningEvent(e: SlimEvent): WarningEvent {
  return {
    reason: e.reason,
    message: e.message,
    involvedObject: `${e.involvedObject.kind}/${e.involvedObject.name}`,
    count: e.count,
    lastSeen: e.lastSeen ?? '',
  };
}

/** What governance's Kubernetes rules read: each container's limits and whether it has a readiness probe. */
function summarizeContainer(c: ContainerSpec): WorkloadContainer {
  return {
    name: c.name,
    limits: {
      ...(c.cpuLimit ? { cpu: c.cpuLimit } : {}),
      ...(c.memoryLimit ? { memory: c.memoryLimit } : {}),
    },
    readinessProbe: c.readinessProbe !== undefined,
  };
}

export function assembleWorkload(
  objects: WorkloadObjects,
  options: AssembleOptions,
): WorkloadStatus {
  const { deployment: d, pods, hpa } = objects;
  const events = recentWarnings(
    objects.events,
    options.now,
    options.eventWindowMinutes ?? 60,
  );
  const image = d.spec.template.containers[0]?.image ?? '';
  const revision = d.metadata.annotations[ANNOTATION_REVISION];
  return {
    name: d.metadata.name,
    namespace: d.metadata.namespace,
    image,
    version: versionOf(image, d.spec.template.labels),
    ...(revision ? { revision } : {}),
    replicas: {
      desired: d.spec.replicas,
      updated: d.status.updatedReplicas,
      ready: d.status.readyReplicas,
      available: d.status.availableReplicas,
    },
    rollout: rolloutState(d),
    problems: explainWorkload({
      deployment: d,
      pods,
      hpa,
      events,
      now: options.now,
    }),
    containers: d.spec.template.containers.map(summarizeContainer),
    pods: pods.map(summarizePod),
    warningEvents: events.slice(0, MAX_EVENTS).map(toWarningEvent),
    ...(hpa ? { hpa: summarizeHpa(hpa) } : {}),
  };
}
