/*
 * Projections from what the API server sends to the slim shapes of ./objects. Input is either a
 * typed client object (timestamps as Date) or a raw watch object (timestamps as strings); both
 * come out the same. Pure functions.
 */
import {
  Condition,
  ContainerSpec,
  ContainerState,
  ContainerStatus,
  ObjectMeta,
  PodTemplate,
  SlimDeployment,
  SlimEvent,
  SlimHorizontalPodAutoscaler,
  SlimPod,
  SlimReplicaSet,
} from './objects';
import {
  ANNOTATION_COMMIT_SHA,
  ANNOTATION_DEPLOYMENT_ID,
} from '@internal/plugin-service-model-common';

/** Written by the deployment controller on Deployments and their ReplicaSets. */
export const ANNOTATION_REVISION = 'deployment.kubernetes.io/revision';
/** Written by the deployment controller on a ReplicaSet that was reused for a newer revision. */
export const ANNOTATION_REVISION_HISTORY =
  'deployment.kubernetes.io/revision-history';

const KEPT_ANNOTATIONS = [
  ANNOTATION_REVISION,
  ANNOTATION_REVISION_HISTORY,
  ANNOTATION_DEPLOYMENT_ID,
  ANNOTATION_COMMIT_SHA,
];

type Raw = any;

/** A Date or an RFC 3339 string as an ISO string; undefined stays undefined. */
export function isoTime(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  }
  const parsed = new Date(String(value));
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
}

function num(value: unknown, fallback = 0): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function stringMap(value: unknown): Record<string, string> {
  if (!value || typeof value !== 'object') return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

export function slimMeta(meta: Raw): ObjectMeta {
  const annotations = stringMap(meta?.annotations);
  const kept: Record<string, string> = {};
  for (const key of KEPT_ANNOTATIONS) {
    if (annotations[key] !== undefined) kept[key] = annotations[key];
  }
  return {
    name: meta?.name ?? '',
    namespace: meta?.namespace ?? '',
    uid: str(meta?.uid),
    resourceVersion: str(meta?.resourceVersion),
    creationTimestamp: isoTime(meta?.creationTimestamp),
    generation:
      typeof meta?.generation === 'number' ? meta.generation : undefined,
    labels: stringMap(meta?.labels),
    annotations: kept,
    ownerReferences: Array.isArray(meta?.ownerReferences)
      ? meta.ownerReferences.map((o: Raw) => ({
          kind: String(o?.kind ?? ''),
          name: String(o?.name ?? ''),
          controller: o?.controller === true ? true : undefined,
        }))
      : [],
  };
}

function slimConditions(conditions: Raw): Condition[] {
  if (!Array.isArray(conditions)) return [];
  return conditions.map((c: Raw) => ({
    type: String(c?.type ?? ''),
    status: String(c?.status ?? ''),
    reason: str(c?.reason),
    message: str(c?.message),
    lastTransitionTime: isoTime(c?.lastTransitionTime),
    lastUpdateTime: isoTime(c?.lastUpdateTime),
  }));
}

/** "HTTP GET :8080/ready", "TCP :5432", "exec cat /tmp/ready" — enough to say what is probed. */
export function describeProbe(probe: Raw): string | undefined {
  if (!probe) return undefined;
  if (probe.httpGet) {
    const scheme = probe.httpGet.scheme === 'HTTPS' ? 'HTTPS' : 'HTTP';
    return `${scheme} GET :${probe.httpGet.port}${probe.httpGet.path ?? '/'}`;
  }
  if (probe.tcpSocket) return `TCP :${probe.tcpSocket.port}`;
  if (probe.grpc) return `gRPC :${probe.grpc.port}`;
  if (probe.exec?.command)
    return `exec ${[].concat(probe.exec.command).join(' ')}`;
  return undefined;
}

function quantity(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return String(value);
}

function slimContainers(containers: Raw): ContainerSpec[] {
  if (!Array.isArray(containers)) return [];
  return containers.map((c: Raw) => ({
    name: String(c?.name ?? ''),
    image: String(c?.image ?? ''),
    memoryLimit: quantity(c?.resources?.limits?.memory),
    cpuLimit: quantity(c?.resources?.limits?.cpu),
    memoryRequest: quantity(c?.resources?.requests?.memory),
    cpuRequest: quantity(c?.resources?.requests?.cpu),
    readinessProbe: describeProbe(c?.readinessProbe),
  }));
}

function slimTemplate(template: Raw): PodTemplate {
  return {
    labels: stringMap(template?.metadata?.labels),
    containers: slimContainers(template?.spec?.containers),
  };
}

function slimState(state: Raw): ContainerState {
  const out: ContainerState = {};
  if (state?.waiting) {
    out.waiting = {
      reason: str(state.waiting.reason),
      message: str(state.waiting.message),
    };
  }
  if (state?.running)
    out.running = { startedAt: isoTime(state.running.startedAt) };
  if (state?.terminated) {
    const t = state.terminated;
    out.terminated = {
      reason: str(t.reason),
      exitCode: typeof t.exitCode === 'number' ? t.exitCode : undefined,
      signal: typeof t.signal === 'number' ? t.signal : undefined,
      // The container's termination message can be long (a stack trace); keep its start.
      message: str(t.message)?.slice(0, 500),
      startedAt: isoTime(t.startedAt),
      finishedAt: isoTime(t.finishedAt),
    };
  }
  return out;
}

function slimContainerStatuses(statuses: Raw): ContainerStatus[] {
  if (!Array.isArray(statuses)) return [];
  return statuses.map((s: Raw) => ({
    name: String(s?.name ?? ''),
    ready: s?.ready === true,
    restartCount: num(s?.restartCount),
    image: str(s?.image),
    state: slimState(s?.state),
    lastState: slimState(s?.lastState),
  }));
}

export function slimDeployment(obj: Raw): SlimDeployment {
  return {
    kind: 'Deployment',
    metadata: slimMeta(obj?.metadata),
    spec: {
      // The API server defaults spec.replicas to 1.
      replicas: num(obj?.spec?.replicas, 1),
      paused: obj?.spec?.paused === true,
      progressDeadlineSeconds:
        typeof obj?.spec?.progressDeadlineSeconds === 'number'
          ? obj.spec.progressDeadlineSeconds
          : undefined,
      template: slimTemplate(obj?.spec?.template),
    },
    status: {
      observedGeneration:
        typeof obj?.status?.observedGeneration === 'number'
          ? obj.status.observedGeneration
          : undefined,
      replicas: num(obj?.status?.replicas),
      updatedReplicas: num(obj?.status?.updatedReplicas),
      readyReplicas: num(obj?.status?.readyReplicas),
      availableReplicas: num(obj?.status?.availableReplicas),
      unavailableReplicas: num(obj?.status?.unavailableReplicas),
      conditions: slimConditions(obj?.status?.conditions),
    },
  };
}

export function slimReplicaSet(obj: Raw): SlimReplicaSet {
  return {
    kind: 'ReplicaSet',
    metadata: slimMeta(obj?.metadata),
    spec: {
      replicas: num(obj?.spec?.replicas, 1),
      template: slimTemplate(obj?.spec?.template),
    },
    status: {
      replicas: num(obj?.status?.replicas),
      readyReplicas: num(obj?.status?.readyReplicas),
      availableReplicas: num(obj?.status?.availableReplicas),
    },
  };
}

export function slimPod(obj: Raw): SlimPod {
  return {
    kind: 'Pod',
    metadata: slimMeta(obj?.metadata),
    spec: {
      nodeName: str(obj?.spec?.nodeName),
      containers: slimContainers(obj?.spec?.containers),
    },
    status: {
      phase: String(obj?.status?.phase ?? 'Unknown'),
      reason: str(obj?.status?.reason),
      message: str(obj?.status?.message),
      startTime: isoTime(obj?.status?.startTime),
      conditions: slimConditions(obj?.status?.conditions),
      containerStatuses: slimContainerStatuses(obj?.status?.containerStatuses),
      initContainerStatuses: slimContainerStatuses(
        obj?.status?.initContainerStatuses,
      ),
    },
  };
}

export function slimHorizontalPodAutoscaler(
  obj: Raw,
): SlimHorizontalPodAutoscaler {
  return {
    kind: 'HorizontalPodAutoscaler',
    metadata: slimMeta(obj?.metadata),
    spec: {
      // The API server defaults minReplicas to 1.
      minReplicas: num(obj?.spec?.minReplicas, 1),
      maxReplicas: num(obj?.spec?.maxReplicas),
      scaleTargetRef: {
        kind: String(obj?.spec?.scaleTargetRef?.kind ?? ''),
        name: String(obj?.spec?.scaleTargetRef?.name ?? ''),
      },
    },
    status: {
      currentReplicas: num(obj?.status?.currentReplicas),
      desiredReplicas: num(obj?.status?.desiredReplicas),
      conditions: slimConditions(obj?.status?.conditions),
    },
  };
}

export function slimEvent(obj: Raw): SlimEvent {
  // core/v1 Events carry firstTimestamp/lastTimestamp/count; events written through events.k8s.io
  // (the scheduler, newer controllers) carry eventTime and series instead.
  const count = num(obj?.series?.count, num(obj?.count, 1));
  const lastSeen =
    isoTime(obj?.series?.lastObservedTime) ??
    isoTime(obj?.lastTimestamp) ??
    isoTime(obj?.eventTime) ??
    isoTime(obj?.metadata?.creationTimestamp);
  return {
    kind: 'Event',
    metadata: slimMeta(obj?.metadata),
    type: String(obj?.type ?? ''),
    reason: String(obj?.reason ?? ''),
    message: String(obj?.message ?? '').slice(0, 1000),
    count,
    involvedObject: {
      kind: String(obj?.involvedObject?.kind ?? ''),
      name: String(obj?.involvedObject?.name ?? ''),
      namespace: String(
        obj?.involvedObject?.namespace ?? obj?.metadata?.namespace ?? '',
      ),
    },
    firstSeen: isoTime(obj?.firstTimestamp) ?? isoTime(obj?.eventTime),
    lastSeen,
  };
}
