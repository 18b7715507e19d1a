/**
 * What runs where, read from the watch cache: one entry per cluster the service's workloads were
 * looked up in, problems first. Shapes of `GET /api/deployments/v1/status?entityRef=…`.
 */

/** Why a cluster's part of the answer is missing or partial. */
export type ClusterState =
  /** Watches are synced; the workloads below are current. */
  | 'ok'
  /** Watches are starting: the first list has not finished yet. */
  | 'syncing'
  /** The API server cannot be reached (connection refused, DNS, TLS, timeout). */
  | 'unreachable'
  /** 401: the credentials were refused. */
  | 'unauthenticated'
  /** 403: the service account may not list or watch a resource. */
  | 'forbidden';

export type RolloutState =
  /** A new ReplicaSet is being rolled out and is progressing. */
  | 'progressing'
  /** All replicas are updated, available and no old ones remain. */
  | 'complete'
  /** `Progressing=False` with reason `ProgressDeadlineExceeded`. */
  | 'stalled'
  /** `spec.paused` is true. */
  | 'paused'
  /** Scaled to zero replicas on purpose. */
  | 'scaled-to-zero';

export type ProblemKind =
  | 'crash-loop'
  | 'image-pull'
  /** CreateContainerConfigError / CreateContainerError / RunContainerError: e.g. a missing Secret. */
  | 'container-config'
  | 'oom-killed'
  | 'unschedulable'
  | 'readiness-failing'
  | 'rollout-stalled'
  | 'hpa-at-max'
  | 'warning-event';

/** A problem in words an on-call engineer understands at 3 a.m. */
export interface WorkloadProblem {
  kind: ProblemKind;
  severity: 'error' | 'warning';
  /** One sentence: what is wrong, e.g. "2 of 3 pods are crash-looping (exit code 1, Error)". */
  title: string;
  /** What it means. */
  explanation: string;
  /** What to check first. */
  checkFirst: string;
  /** The pods (names) the problem was seen on, if any. */
  pods: string[];
  /** Raw evidence: reason, message, exit code, event text, as Kubernetes wrote it. */
  evidence: string[];
}

export interface PodSummary {
  name: string;
  phase: string;
  ready: boolean;
  restarts: number;
  /** e.g. "CrashLoopBackOff", "ImagePullBackOff", "OOMKilled" — the waiting or last-terminated reason. */
  reason?: string;
  nodeName?: string;
  startedAt?: string;
}

export interface WarningEvent {
  reason: string;
  message: string;
  /** `kind/name` of the object the event is about. */
  involvedObject: string;
  count: number;
  lastSeen: string;
}

export interface HorizontalPodAutoscalerSummary {
  name: string;
  minReplicas: number;
  maxReplicas: number;
  currentReplicas: number;
  desiredReplicas: number;
}

/** One container of a workload's pod template: its limits, and whether a readiness probe is set. */
export interface WorkloadContainer {
  name: string;
  /** `resources.limits`; a key is absent when that limit is not set. */
  limits: { cpu?: string; memory?: string };
  readinessProbe: boolean;
}

export interface WorkloadStatus {
  /** Deployment name. */
  name: string;
  namespace: string;
  /** The first container's image, and the version (tag or digest) it carries. */
  image: string;
  version: string;
  /** `deployment.kubernetes.io/revision`. */
  revision?: string;
  replicas: {
    desired: number;
    updated: number;
    ready: number;
    available: number;
  };
  rollout: RolloutState;
  /** Problems, errors first; empty when healthy. */
  problems: WorkloadProblem[];
  /**
   * The pod template's containers. Always sent by this backend; optional so that a client
   * talking to an older one treats it as unknown rather than as "no containers".
   */
  containers?: WorkloadContainer[];
  pods: PodSummary[];
  warningEvents: WarningEvent[];
  hpa?: HorizontalPodAutoscalerSummary;
}

export interface ClusterDeploymentStatus {
  cluster: string;
  /** The environment this cluster serves (`deployments.clusterEnvironments`, default: the cluster name). */
  environment: string;
  state: ClusterState;
  /** Present unless state is `ok`: what went wrong, e.g. "403: the service account may not list pods in payments". */
  error?: string;
  /** When the cluster entered its current non-ok state (ISO 8601). */
  since?: string;
  workloads: WorkloadStatus[];
}

export interface ServiceDeploymentStatus {
  entityRef: string;
  /** How workloads were found: `label backstage.io/kubernetes-id=billing` or the entity's label selector. */
  selector: string;
  /** False when no cluster is configured: the UI explains how to connect one. */
  clustersConfigured: boolean;
  /** Clusters with problems first. */
  clusters: ClusterDeploymentStatus[];
}
