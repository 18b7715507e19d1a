/*
 * Realistic Kubernetes objects, shaped as the controllers, the scheduler and the kubelet write
 * them (field names, reasons, message wording, Status conditions), for every failure mode the
 * card explains. Times are relative to `now` so tests read "5 minutes ago", not dates.
 */

type Obj = Record<string, any>;

export const minutesAgo = (minutes: number, now = new Date()) =>
  new Date(now.getTime() - minutes * 60_000)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');

/** A pod-template-hash-like suffix, stable for the same input. */
export function hashOf(text: string, length = 10): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  let out = '';
  for (let i = 0; i < length; i++) {
    out += alphabet[h % alphabet.length];
    h = Math.imul(h ^ i, 2654435761) >>> 0;
  }
  return out;
}

export interface WorkloadSpec {
  name: string;
  namespace: string;
  /** Value of the backstage.io/kubernetes-id label (default: name). */
  kubernetesId?: string;
  image: string;
  revision: number;
  replicas?: number;
  memoryLimit?: string;
  /** `resources.limits.cpu` (default 1). */
  cpuLimit?: string;
  /** A container without `resources.limits` at all (the no-resource-limits finding). */
  withoutLimits?: boolean;
  /** A container without a readiness probe (the no-readiness-probe finding). */
  withoutReadinessProbe?: boolean;
  memoryRequest?: string;
  annotations?: Record<string, string>;
  labels?: Record<string, string>;
}

function labelsOf(w: WorkloadSpec): Record<string, string> {
  return {
    app: w.name,
    'backstage.io/kubernetes-id': w.kubernetesId ?? w.name,
    ...w.labels,
  };
}

function containerOf(w: WorkloadSpec, image = w.image): Obj {
  return {
    name: w.name,
    image,
    ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
    resources: {
      requests: { cpu: '250m', memory: w.memoryRequest ?? '256Mi' },
      ...(!w.withoutLimits && {
        limits: { cpu: w.cpuLimit ?? '1', memory: w.memoryLimit ?? '512Mi' },
      }),
    },
    ...(!w.withoutReadinessProbe && {
      readinessProbe: {
        httpGet: { path: '/ready', port: 8080, scheme: 'HTTP' },
        periodSeconds: 5,
        timeoutSeconds: 1,
        successThreshold: 1,
        failureThreshold: 3,
      },
    }),
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    imagePullPolicy: 'IfNotPresent',
  };
}

export function replicaSetName(w: WorkloadSpec, image = w.image): string {
  return `${w.name}-${hashOf(`${w.name}|${image}`)}`;
}

/** The managedFields and last-applied annotation a kubectl-applied object carries (the cache drops them). */
function applyNoise(w: WorkloadSpec): {
  managedFields: Obj[];
  annotations: Record<string, string>;
} {
  return {
    managedFields: [
      {
        manager: 'kubectl-client-side-apply',
        operation: 'Update',
        apiVersion: 'apps/v1',
        time: minutesAgo(600),
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
          'f:spec': { 'f:replicas': {} },
        },
      },
    ],
    annotations: {
      'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: w.name, namespace: w.namespace },
        spec: {
          replicas: w.replicas ?? 3,
          template: { spec: { containers: [containerOf(w)] } },
        },
      }),
    },
  };
}

export type RolloutPhase = 'complete' | 'progressing' | 'stalled';

export interface DeploymentOptions {
  phase?: RolloutPhase;
  /** When the rollout of this revision started / completed / stalled. */
  startedAt?: string;
  changedAt?: string;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  totalReplicas?: number;
  paused?: boolean;
  now?: Date;
}

/** A Deployment as the deployment controller leaves it for each rollout phase. */
export function deployment(
  w: WorkloadSpec,
  options: DeploymentOptions = {},
): Obj {
  const now = options.now ?? new Date();
  const replicas = w.replicas ?? 3;
  const phase = options.phase ?? 'complete';
  const rs = replicaSetName(w);
  const startedAt = options.startedAt ?? minutesAgo(30, now);
  const changedAt = options.changedAt ?? minutesAgo(25, now);
  const updated =
    options.updatedReplicas ?? (phase === 'complete' ? replicas : 1);
  const available =
    options.availableReplicas ??
    (phase === 'complete' ? replicas : replicas - 1);
  const ready = options.readyReplicas ?? available;
  const total =
    options.totalReplicas ?? (phase === 'complete' ? replicas : replicas + 1);
  const noise = applyNoise(w);
  const progressingByPhase: Record<RolloutPhase, Record<string, string>> = {
    complete: {
      type: 'Progressing',
      status: 'True',
      lastUpdateTime: changedAt,
      lastTransitionTime: startedAt,
      reason: 'NewReplicaSetAvailable',
      message: `ReplicaSet "${rs}" has successfully progressed.`,
    },
    stalled: {
      type: 'Progressing',
      status: 'False',
      lastUpdateTime: changedAt,
      lastTransitionTime: changedAt,
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${rs}" has timed out progressing.`,
    },
    progressing: {
      type: 'Progressing',
      status: 'True',
      lastUpdateTime: changedAt,
      lastTransitionTime: startedAt,
      reason: 'ReplicaSetUpdated',
      message: `ReplicaSet "${rs}" is progressing.`,
    },
  };
  const progressing = progressingByPhase[phase];
  return {
    kind: 'Deployment',
    metadata: {
      name: w.name,
      namespace: w.namespace,
      generation: w.revision,
      labels: labelsOf(w),
      annotations: {
        'deployment.kubernetes.io/revision': String(w.revision),
        ...noise.annotations,
        ...w.annotations,
      },
      managedFields: noise.managedFields,
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: w.name } },
      template: {
        metadata: { labels: labelsOf(w) },
        spec: {
          containers: [containerOf(w)],
          restartPolicy: 'Always',
          terminationGracePeriodSeconds: 30,
          dnsPolicy: 'ClusterFirst',
        },
      },
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' },
      },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
      ...(options.paused ? { paused: true } : {}),
    },
    status: {
      observedGeneration: w.revision,
      replicas: total,
      updatedReplicas: updated,
      readyReplicas: ready,
      availableReplicas: available,
      ...(replicas - available > 0
        ? { unavailableReplicas: replicas - available }
        : {}),
      conditions: [
        {
          type: 'Available',
          status:
            available >= replicas - Math.floor(replicas / 4) ? 'True' : 'False',
          lastUpdateTime: startedAt,
          lastTransitionTime: startedAt,
          reason:
            available >= replicas - Math.floor(replicas / 4)
              ? 'MinimumReplicasAvailable'
              : 'MinimumReplicasUnavailable',
          message:
            available >= replicas - Math.floor(replicas / 4)
              ? 'Deployment has minimum availability.'
              : 'Deployment does not have minimum availability.',
        },
        progressing,
      ],
    },
  };
}

export interface ReplicaSetOptions {
  image?: string;
  revision?: number;
  /** `deployment.kubernetes.io/revision-history`: set when the controller reused this ReplicaSet. */
  revisionHistory?: string;
  replicas?: number;
  createdAt?: string;
  annotations?: Record<string, string>;
  now?: Date;
}

/** A ReplicaSet as the deployment controller creates it (owner reference, revision, hash label). */
export function replicaSet(
  w: WorkloadSpec,
  options: ReplicaSetOptions = {},
): Obj {
  const image = options.image ?? w.image;
  const name = replicaSetName(w, image);
  const hash = name.slice(w.name.length + 1);
  const replicas = options.replicas ?? w.replicas ?? 3;
  return {
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: w.namespace,
      creationTimestamp: options.createdAt ?? minutesAgo(30, options.now),
      generation: 1,
      labels: { ...labelsOf(w), 'pod-template-hash': hash },
      annotations: {
        'deployment.kubernetes.io/desired-replicas': String(w.replicas ?? 3),
        'deployment.kubernetes.io/max-replicas': String((w.replicas ?? 3) + 1),
        'deployment.kubernetes.io/revision': String(
          options.revision ?? w.revision,
        ),
        ...(options.revisionHistory
          ? {
              'deployment.kubernetes.io/revision-history':
                options.revisionHistory,
            }
          : {}),
        ...w.annotations,
        ...options.annotations,
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: w.name,
          uid: `uid-deploy-${w.name}`,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: w.name, 'pod-template-hash': hash } },
      template: {
        metadata: { labels: { ...labelsOf(w), 'pod-template-hash': hash } },
        spec: { containers: [containerOf(w, image)], restartPolicy: 'Always' },
      },
    },
    status: {
      replicas,
      fullyLabeledReplicas: replicas,
      readyReplicas: replicas,
      availableReplicas: replicas,
      observedGeneration: 1,
    },
  };
}

export type PodCondition =
  | 'healthy'
  | 'crash-loop'
  | 'oom-killed'
  | 'image-pull-backoff'
  | 'err-image-pull'
  | 'unschedulable'
  | 'not-ready'
  | 'config-error';

export interface PodOptions {
  condition?: PodCondition;
  /** Pod name suffix (default derived from index). */
  index?: number;
  image?: string;
  exitCode?: number;
  terminationReason?: string;
  restarts?: number;
  node?: string;
  now?: Date;
  schedulerMessage?: string;
  pullMessage?: string;
}

function podConditions(now: Date, ready: boolean, scheduled = true): Obj[] {
  const t = minutesAgo(20, now);
  if (!scheduled) return [];
  return [
    {
      type: 'PodReadyToStartContainers',
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: t,
    },
    {
      type: 'Initialized',
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: t,
    },
    ready
      ? {
          type: 'Ready',
          status: 'True',
          lastProbeTime: null,
          lastTransitionTime: t,
        }
      : {
          type: 'Ready',
          status: 'False',
          lastProbeTime: null,
          lastTransitionTime: t,
          reason: 'ContainersNotReady',
          message: 'containers with unready status: [CONTAINER]',
        },
    ready
      ? {
          type: 'ContainersReady',
          status: 'True',
          lastProbeTime: null,
          lastTransitionTime: t,
        }
      : {
          type: 'ContainersReady',
          status: 'False',
          lastProbeTime: null,
          lastTransitionTime: t,
          reason: 'ContainersNotReady',
          message: 'containers with unready status: [CONTAINER]',
        },
    {
      type: 'PodScheduled',
      status: 'True',
      lastProbeTime: null,
      lastTransitionTime: t,
    },
  ];
}

export function podName(
  w: WorkloadSpec,
  index: number,
  image = w.image,
): string {
  return `${replicaSetName(w, image)}-${hashOf(
    `${w.name}|${image}|${index}`,
    5,
  )}`;
}

/** A pod of the workload's ReplicaSet for `image`, in the given condition, as the kubelet reports it. */
export function pod(w: WorkloadSpec, options: PodOptions = {}): Obj {
  const now = options.now ?? new Date();
  const image = options.image ?? w.image;
  const rs = replicaSetName(w, image);
  const name = podName(w, options.index ?? 0, image);
  const uid = `uid-pod-${name}`;
  const condition = options.condition ?? 'healthy';
  const node = options.node ?? `node-${((options.index ?? 0) % 3) + 1}`;
  const containerId = `containerd://${hashOf(name, 24)}`;
  const running = { running: { startedAt: minutesAgo(19, now) } };
  let phase = 'Running';
  let scheduled = true;
  let ready = true;
  let containerStatus: Obj | undefined = {
    name: w.name,
    image,
    imageID: `${image.split(':')[0]}@sha256:${hashOf(image, 24)}`,
    containerID: containerId,
    ready: true,
    started: true,
    restartCount: 0,
    state: running,
    lastState: {},
  };
  const extraPodStatus: Obj = {};

  switch (condition) {
    case 'crash-loop':
    case 'oom-killed': {
      ready = false;
      const exitCode =
        options.exitCode ?? (condition === 'oom-killed' ? 137 : 1);
      const reason =
        options.terminationReason ??
        (condition === 'oom-killed' ? 'OOMKilled' : 'Error');
      containerStatus = {
        ...containerStatus,
        ready: false,
        started: false,
        restartCount: options.restarts ?? 7,
        state: {
          waiting: {
            reason: 'CrashLoopBackOff',
            message: `back-off 5m0s restarting failed container=${w.name} pod=${name}_${w.namespace}(${uid})`,
          },
        },
        lastState: {
          terminated: {
            exitCode,
            reason,
            startedAt: minutesAgo(3, now),
            finishedAt: minutesAgo(2, now),
            containerID: containerId,
          },
        },
      };
      break;
    }
    case 'image-pull-backoff':
    case 'err-image-pull': {
      phase = 'Pending';
      ready = false;
      const ref = image.includes('/') ? image : `docker.io/library/${image}`;
      const message =
        options.pullMessage ??
        (condition === 'image-pull-backoff'
          ? `Back-off pulling image "${image}"`
          : `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`);
      containerStatus = {
        name: w.name,
        image,
        imageID: '',
        ready: false,
        started: false,
        restartCount: 0,
        state: {
          waiting: {
            reason:
              condition === 'image-pull-backoff'
                ? 'ImagePullBackOff'
                : 'ErrImagePull',
            message,
          },
        },
        lastState: {},
      };
      break;
    }
    case 'config-error':
      phase = 'Pending';
      ready = false;
      containerStatus = {
        name: w.name,
        image,
        imageID: '',
        ready: false,
        started: false,
        restartCount: 0,
        state: {
          waiting: {
            reason: 'CreateContainerConfigError',
            message: `secret "${w.name}-db" not found`,
          },
        },
        lastState: {},
      };
      break;
    case 'unschedulable':
      phase = 'Pending';
      scheduled = false;
      ready = false;
      containerStatus = undefined;
      break;
    case 'not-ready':
      ready = false;
      containerStatus = { ...containerStatus, ready: false };
      break;
    default:
  }

  const conditions = scheduled
    ? podConditions(now, ready).map(c =>
        c.message
          ? { ...c, message: c.message.replace('CONTAINER', w.name) }
          : c,
      )
    : [
        {
          type: 'PodScheduled',
          status: 'False',
          lastProbeTime: null,
          lastTransitionTime: minutesAgo(12, now),
          reason: 'Unschedulable',
          message:
            options.schedulerMessage ??
            '0/3 nodes are available: 3 Insufficient memory. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.',
        },
      ];

  return {
    kind: 'Pod',
    metadata: {
      name,
      generateName: `${rs}-`,
      namespace: w.namespace,
      uid,
      creationTimestamp: minutesAgo(20, now),
      labels: {
        ...labelsOf(w),
        'pod-template-hash': rs.slice(w.name.length + 1),
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: rs,
          uid: `uid-rs-${rs}`,
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      containers: [containerOf(w, image)],
      restartPolicy: 'Always',
      ...(scheduled ? { nodeName: node } : {}),
      serviceAccountName: 'default',
      schedulerName: 'default-scheduler',
    },
    status: {
      phase,
      conditions,
      ...(scheduled
        ? {
            hostIP: '10.0.0.1',
            podIP: '10.244.1.17',
            startTime: minutesAgo(20, now),
          }
        : {}),
      ...(containerStatus ? { containerStatuses: [containerStatus] } : {}),
      qosClass: 'Burstable',
      ...extraPodStatus,
    },
  };
}

export interface HpaOptions {
  min?: number;
  max?: number;
  current?: number;
  desired?: number;
  atMax?: boolean;
}

/** An autoscaling/v2 HPA on the workload; `atMax` as the HPA controller reports TooManyReplicas. */
export function hpa(w: WorkloadSpec, options: HpaOptions = {}): Obj {
  const min = options.min ?? 2;
  const max = options.max ?? 10;
  const atMax = options.atMax ?? false;
  const current = options.current ?? (atMax ? max : w.replicas ?? 3);
  const desired = options.desired ?? current;
  const t = minutesAgo(15);
  return {
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: w.name, namespace: w.namespace, labels: labelsOf(w) },
    spec: {
      scaleTargetRef: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: w.name,
      },
      minReplicas: min,
      maxReplicas: max,
      metrics: [
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            target: { type: 'Utilization', averageUtilization: 70 },
          },
        },
      ],
    },
    status: {
      currentReplicas: current,
      desiredReplicas: desired,
      currentMetrics: [
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            current: {
              averageUtilization: atMax ? 96 : 45,
              averageValue: atMax ? '240m' : '112m',
            },
          },
        },
      ],
      conditions: [
        {
          type: 'AbleToScale',
          status: 'True',
          lastTransitionTime: t,
          reason: 'ReadyForNewScale',
          message: 'recommended size matches current size',
        },
        {
          type: 'ScalingActive',
          status: 'True',
          lastTransitionTime: t,
          reason: 'ValidMetricFound',
          message:
            'the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)',
        },
        atMax
          ? {
              type: 'ScalingLimited',
              status: 'True',
              lastTransitionTime: t,
              reason: 'TooManyReplicas',
              message:
                'the desired replica count is more than the maximum replica count',
            }
          : {
              type: 'ScalingLimited',
              status: 'False',
              lastTransitionTime: t,
              reason: 'DesiredWithinRange',
              message: 'the desired count is within the acceptable range',
            },
      ],
    },
  };
}

export interface EventOptions {
  involved: { kind: string; name: string; namespace: string };
  reason: string;
  message: string;
  count?: number;
  type?: 'Warning' | 'Normal';
  lastSeenMinutesAgo?: number;
  component?: string;
  fieldPath?: string;
  now?: Date;
}

/** A core/v1 Event as the kubelet, scheduler or a controller records it. */
export function event(options: EventOptions): Obj {
  const now = options.now ?? new Date();
  const last = minutesAgo(options.lastSeenMinutesAgo ?? 1, now);
  const component =
    options.component ??
    (options.involved.kind === 'Pod' ? 'kubelet' : 'deployment-controller');
  return {
    kind: 'Event',
    metadata: {
      name: `${options.involved.name}.${hashOf(
        `${options.reason}|${options.message}`,
        16,
      )}`,
      namespace: options.involved.namespace,
    },
    involvedObject: {
      kind: options.involved.kind,
      namespace: options.involved.namespace,
      name: options.involved.name,
      apiVersion:
        options.involved.kind === 'Pod' || options.involved.kind === 'Event'
          ? 'v1'
          : 'apps/v1',
      ...(options.fieldPath ? { fieldPath: options.fieldPath } : {}),
    },
    reason: options.reason,
    message: options.message,
    source: {
      component,
      ...(component === 'kubelet' ? { host: 'node-1' } : {}),
    },
    firstTimestamp: minutesAgo(20, now),
    lastTimestamp: last,
    count: options.count ?? 1,
    type: options.type ?? 'Warning',
    eventTime: null,
    reportingComponent: component,
    reportingInstance: component === 'kubelet' ? 'node-1' : '',
  };
}
