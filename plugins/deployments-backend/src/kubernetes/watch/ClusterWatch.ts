/*
 * Everything watched in one cluster: an informer per kind (per configured namespace, or
 * cluster-wide), the cache they fill, the cluster's state for the card, and the rollout tracker
 * fed from Deployment and ReplicaSet changes. A failing cluster only affects its own state.
 */
import { LoggerService } from '@backstage/backend-plugin-api';
import { ClusterState } from '@internal/plugin-deployments-common';
import { ClusterCache } from '../cache/ClusterCache';
import { ClusterSpec, WatchTuning } from '../config/clusterConfig';
import { kubeConfigFor, serverOf } from '../config/kubeConfig';
import { observeRollouts } from '../rollouts/observeRollouts';
import { RolloutTracker } from '../rollouts/RolloutTracker';
import { ResilientInformer } from './ResilientInformer';
import { RESOURCE_KINDS, ResourceKind } from './resourceKinds';

export interface ClusterStatusSummary {
  state: ClusterState;
  error?: string;
  since?: string;
}

export interface ApiCallCounts {
  list: number;
  watch: number;
}

const SEVERITY: ClusterState[] = [
  'unreachable',
  'unauthenticated',
  'forbidden',
];

/**
 * One sentence for the card. Unreachable and 401 concern the whole cluster: every informer
 * reports its own variant (refused, reset) of the same fact, so the most frequent one is shown.
 * 403s differ per resource and namespace and each says what to grant, so all are listed.
 */
export function describeFailures(
  state: ClusterState,
  messages: string[],
): string {
  const distinct = [...new Set(messages)];
  if (state !== 'forbidden') {
    const count = (m: string) => messages.filter(x => x === m).length;
    return distinct.reduce(
      (best, m) => (count(m) > count(best) ? m : best),
      distinct[0],
    );
  }
  return distinct.length === 1
    ? distinct[0]
    : `${distinct[0]} (and ${distinct.length - 1} more: ${distinct
        .slice(1)
        .join('; ')})`;
}

export interface ClusterWatchOptions {
  spec: ClusterSpec;
  tuning: WatchTuning;
  logger: LoggerService;
  tracker?: RolloutTracker;
  /** Re-evaluate every Deployment's rollout this often (retries failed reports). Default 5 min. */
  resyncIntervalMs?: number;
  watchTimeoutSeconds?: () => number;
  now?: () => Date;
}

export class ClusterWatch {
  readonly cache = new ClusterCache();
  readonly calls: ApiCallCounts = { list: 0, watch: 0 };
  private readonly informers: Array<{
    kind: ResourceKind;
    informer: ResilientInformer;
  }> = [];
  private readonly configError?: { state: ClusterState; message: string };
  private readonly startedAt: string;
  private resyncTimer?: NodeJS.Timeout;
  private lastLogged = '';

  constructor(private readonly options: ClusterWatchOptions) {
    const { spec, tuning, logger } = options;
    this.startedAt = this.now().toISOString();
    if (spec.auth.type === 'unsupported') {
      this.configError = {
        state: 'unauthenticated',
        message: spec.auth.reason,
      };
      return;
    }
    let kc;
    try {
      kc = kubeConfigFor(spec);
    } catch (error) {
      this.configError = {
        state: 'unreachable',
        message: `cannot read the configuration of cluster ${spec.name}: ${
          (error as Error).message
        }`,
      };
      return;
    }
    const server = serverOf(kc) || spec.url;
    const scopes: Array<string | undefined> = spec.namespaces ?? [undefined];
    for (const kind of RESOURCE_KINDS) {
      for (const namespace of scopes) {
        const informer = new ResilientInformer({
          kc,
          kind,
          namespace,
          cache: this.cache,
          server,
          pageSize: tuning.listPageSize,
          initialBackoffMs: tuning.initialBackoffMs,
          maxBackoffMs: tuning.maxBackoffMs,
          watchTimeoutSeconds: options.watchTimeoutSeconds,
          now: options.now,
          onRequest: verb => this.calls[verb]++,
          onStateChange: () => this.logStateChange(),
          onListed: () => {
            if (
              kind.resource === 'deployments' ||
              kind.resource === 'replicasets'
            ) {
              this.evaluateAllRollouts();
            }
          },
          onError: (failure, err) =>
            logger.debug(`cluster ${spec.name}: ${failure.message}`, {
              error: String(err),
            }),
        });
        this.informers.push({ kind, informer });
      }
    }
    this.cache.onDeploymentChange(key => this.evaluateRollout(key));
  }

  get name(): string {
    return this.options.spec.name;
  }

  get environment(): string {
    return this.options.spec.environment;
  }

  async start(): Promise<void> {
    // Each informer lists and then keeps watching on its own; failures are retried inside.
    await Promise.all(this.informers.map(({ informer }) => informer.start()));
    const interval = this.options.resyncIntervalMs ?? 5 * 60_000;
    this.resyncTimer = setInterval(() => this.evaluateAllRollouts(), interval);
    this.resyncTimer.unref?.();
  }

  async stop(): Promise<void> {
    clearInterval(this.resyncTimer);
    await Promise.all(this.informers.map(({ informer }) => informer.stop()));
  }

  /** The worst state among this cluster's informers, in words for the card. */
  status(): ClusterStatusSummary {
    if (this.configError) {
      return { ...this.configError, since: this.startedAt };
    }
    const failed = this.informers
      .map(({ informer }) => informer.getState())
      .flatMap(s => (s.phase === 'failed' ? [s] : []));
    if (failed.length > 0) {
      const worst = SEVERITY.find(state =>
        failed.some(f => f.failure.state === state),
      )!;
      const same = failed.filter(f => f.failure.state === worst);
      const since = same.map(f => f.since).sort()[0];
      return {
        state: worst,
        error: describeFailures(
          worst,
          same.map(f => f.failure.message),
        ),
        since,
      };
    }
    if (
      this.informers.some(
        ({ informer }) => informer.getState().phase === 'syncing',
      )
    ) {
      return {
        state: 'syncing',
        error: 'the first list of the cluster has not finished yet',
        since: this.startedAt,
      };
    }
    return { state: 'ok' };
  }

  /** True once Deployments and ReplicaSets have been listed completely (rollouts can be judged). */
  private rolloutsReady(): boolean {
    return this.informers
      .filter(
        ({ kind }) =>
          kind.resource === 'deployments' || kind.resource === 'replicasets',
      )
      .every(({ informer }) => informer.hasListed());
  }

  private evaluateRollout(deploymentKey: string) {
    const tracker = this.options.tracker;
    if (!tracker || !this.rolloutsReady()) return;
    const deployment = this.cache.getDeployment(deploymentKey);
    if (!deployment) return;
    const rollouts = observeRollouts(
      deployment,
      this.cache.replicaSetsOf(deployment),
      {
        cluster: this.name,
        environment: this.environment,
      },
    );
    if (rollouts.length > 0) void tracker.observe(rollouts);
  }

  private evaluateAllRollouts() {
    for (const key of this.cache.deploymentKeys()) this.evaluateRollout(key);
  }

  private logStateChange() {
    const s = this.status();
    const line = `${s.state}${s.error ? `: ${s.error}` : ''}`;
    if (line === this.lastLogged) return;
    this.lastLogged = line;
    if (s.state === 'ok')
      this.options.logger.info(`cluster ${this.name}: watching`);
    else if (s.state !== 'syncing')
      this.options.logger.warn(`cluster ${this.name}: ${line}`);
  }

  private now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }
}
