/*
 * One informer: client-node's ListWatch over one kind in one cluster (or one namespace of it),
 * feeding the cluster's cache, and kept alive. ListWatch itself re-lists after 410 Gone and
 * resumes watches from the last resourceVersion it saw when a watch ends normally; on any other
 * error it stops and reports. This class restarts it after a back-off (resuming from the last
 * resourceVersion: ListWatch keeps it across start()), and keeps the state the card shows:
 * syncing until the first list, ok, or failed with what failed and since when.
 */
import {
  KubeConfig,
  KubernetesListObject,
  KubernetesObject,
  ListWatch,
} from '@kubernetes/client-node';
import { ClusterCache } from '../cache/ClusterCache';
import { SlimObject } from '../cache/objects';
import { backoffDelay } from './backoff';
import { ClusterFailure, classifyClusterError } from './clusterError';
import { listAllPages } from './pagedList';
import { ProjectingWatch } from './ProjectingWatch';
import { ResourceKind } from './resourceKinds';

export type InformerState =
  | { phase: 'syncing' }
  | { phase: 'ok' }
  | { phase: 'failed'; failure: ClusterFailure; since: string };

export interface InformerOptions {
  kc: KubeConfig;
  kind: ResourceKind;
  namespace?: string;
  cache: ClusterCache;
  server: string;
  pageSize: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
  onRequest?: (verb: 'list' | 'watch') => void;
  onStateChange?: () => void;
  /** After the first complete list, and after every re-list. */
  onListed?: () => void;
  onError?: (failure: ClusterFailure, err: unknown) => void;
  watchTimeoutSeconds?: () => number;
  now?: () => Date;
}

export class ResilientInformer {
  // The cache's slim objects are KubernetesObjects in shape but carry ISO strings where
  // client-node's types say Date; ListWatch only reads metadata name/namespace/resourceVersion.
  private readonly listWatch: ListWatch<KubernetesObject>;
  private state: InformerState = { phase: 'syncing' };
  private verb: 'list' | 'watch' = 'list';
  private attempt = 0;
  private retryTimer?: NodeJS.Timeout;
  private stopped = true;
  private listedOnce = false;

  constructor(private readonly options: InformerOptions) {
    const { kc, kind, namespace, cache } = options;
    const watch = new ProjectingWatch(kc, {
      slim: kind.slim,
      onRequest: () => {
        this.verb = 'watch';
        options.onRequest?.('watch');
      },
      onEstablished: () => this.healthy(),
      isStopped: () => this.stopped,
      timeoutSeconds: options.watchTimeoutSeconds,
    });
    const list = async () => {
      this.verb = 'list';
      const result = await listAllPages(kc, kind, {
        namespace,
        pageSize: options.pageSize,
        onRequest: () => options.onRequest?.('list'),
      });
      // ListWatch applies the items right after this returns: only then is the cache current.
      setImmediate(() => {
        this.listedOnce = true;
        this.healthy();
        options.onListed?.();
      });
      return result as unknown as KubernetesListObject<KubernetesObject>;
    };
    this.listWatch = new ListWatch<KubernetesObject>(
      kind.path(namespace),
      watch,
      list,
      false,
      undefined,
      kind.fieldSelector,
    );
    const slim = (obj: KubernetesObject) => obj as unknown as SlimObject;
    this.listWatch.on('add', obj => cache.upsert(slim(obj)));
    this.listWatch.on('update', obj => cache.upsert(slim(obj)));
    this.listWatch.on('delete', obj => cache.remove(slim(obj)));
    this.listWatch.on('error', err => this.failed(err));
  }

  getState(): InformerState {
    return this.state;
  }

  /** Whether a complete list has been applied since start. */
  hasListed(): boolean {
    return this.listedOnce;
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.listWatch.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    await this.listWatch.stop();
  }

  private healthy() {
    this.attempt = 0;
    if (this.state.phase !== 'ok') {
      this.state = { phase: 'ok' };
      this.options.onStateChange?.();
    }
  }

  private failed(err: unknown) {
    if (this.stopped) return;
    const failure = classifyClusterError(err, {
      verb: this.verb,
      resource: this.options.kind.resource,
      namespace: this.options.namespace,
      server: this.options.server,
    });
    const now = (this.options.now ?? (() => new Date()))();
    const since =
      this.state.phase === 'failed' &&
      this.state.failure.state === failure.state
        ? this.state.since
        : now.toISOString();
    this.state = { phase: 'failed', failure, since };
    this.options.onError?.(failure, err);
    this.options.onStateChange?.();

    const delay = backoffDelay(
      this.attempt++,
      this.options.initialBackoffMs,
      this.options.maxBackoffMs,
    );
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (this.stopped) return;
      this.listWatch.start().catch(e => this.failed(e));
    }, delay);
    this.retryTimer.unref?.();
  }
}
