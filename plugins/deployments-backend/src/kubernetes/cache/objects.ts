/*
 * The slim shapes the watch cache holds. Every object that arrives (from a list page or a watch
 * event) is projected into one of these before it is stored: managedFields, the
 * last-applied-configuration annotation and most of the spec are dropped, so watching 10,000 pods
 * costs a few KiB per pod instead of tens, and timestamps are ISO strings whether the object came
 * through the typed client (Date) or a raw watch line (string).
 */

export interface ObjectMeta {
  name: string;
  namespace: string;
  uid?: string;
  resourceVersion?: string;
  creationTimestamp?: string;
  generation?: number;
  labels: Record<string, string>;
  /** Only the annotations this plugin reads (see KEPT_ANNOTATIONS). */
  annotations: Record<string, string>;
  ownerReferences: Array<{ kind: string; name: string; controller?: boolean }>;
}

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
  lastUpdateTime?: string;
}

export interface ContainerSpec {
  name: string;
  image: string;
  /** `resources.limits.memory`, e.g. "512Mi". */
  memoryLimit?: string;
  /** `resources.limits.cpu`, e.g. "500m". */
  cpuLimit?: string;
  memoryRequest?: string;
  cpuRequest?: string;
  /** The readiness probe in a few words, e.g. "HTTP GET :8080/ready". */
  readinessProbe?: string;
}

export interface ContainerState {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: string };
  terminated?: {
    reason?: string;
    exitCode?: number;
    signal?: number;
    message?: string;
    startedAt?: string;
    finishedAt?: string;
  };
}

export interface ContainerStatus {
  name: string;
  ready: boolean;
  restartCount: number;
  image?: string;
  state: ContainerState;
  lastState: ContainerState;
}

export interface PodTemplate {
  labels: Record<string, string>;
  containers: ContainerSpec[];
}

export interface SlimDeployment {
  kind: 'Deployment';
  metadata: ObjectMeta;
  spec: {
    replicas: number;
    paused: boolean;
    progressDeadlineSeconds?: number;
    template: PodTemplate;
  };
  status: {
    observedGeneration?: number;
    replicas: number;
    updatedReplicas: number;
    readyReplicas: number;
    availableReplicas: number;
    unavailableReplicas: number;
    conditions: Condition[];
  };
}

export interface SlimReplicaSet {
  kind: 'ReplicaSet';
  metadata: ObjectMeta;
  spec: { replicas: number; template: PodTemplate };
  status: {
    replicas: number;
    readyReplicas: number;
    availableReplicas: number;
  };
}

export interface SlimPod {
  kind: 'Pod';
  metadata: ObjectMeta;
  spec: { nodeName?: string; containers: ContainerSpec[] };
  status: {
    phase: string;
    reason?: string;
    message?: string;
    startTime?: string;
    conditions: Condition[];
    containerStatuses: ContainerStatus[];
    initContainerStatuses: ContainerStatus[];
  };
}

export interface SlimHorizontalPodAutoscaler {
  kind: 'HorizontalPodAutoscaler';
  metadata: ObjectMeta;
  spec: {
    minReplicas: number;
    maxReplicas: number;
    scaleTargetRef: { kind: string; name: string };
  };
  status: {
    currentReplicas: number;
    desiredReplicas: number;
    conditions: Condition[];
  };
}

export interface SlimEvent {
  kind: 'Event';
  metadata: ObjectMeta;
  type: string;
  reason: string;
  message: string;
  count: number;
  involvedObject: { kind: string; name: string; namespace: string };
  firstSeen?: string;
  lastSeen?: string;
}

export type SlimObject =
  | SlimDeployment
  | SlimReplicaSet
  | SlimPod
  | SlimHorizontalPodAutoscaler
  | SlimEvent;
