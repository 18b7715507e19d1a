/*
 * client-node's Watch, as the ListWatch informer uses it, with what a long-lived cache needs on
 * top:
 * - `allowWatchBookmarks=true`: the API server sends BOOKMARK events carrying a fresh
 *   resourceVersion, so a watch that reconnects after a quiet hour resumes from a recent version
 *   instead of one the server has compacted away (which would cost a 410 and a full re-list);
 * - `timeoutSeconds` (5–10 minutes, randomised as client-go's reflector does) and a client-side
 *   watchdog a minute past it: a connection that died without a FIN is noticed and replaced;
 * - objects projected to the cache's slim shapes as they arrive (BOOKMARK and ERROR events are
 *   passed on untouched: ListWatch reads the resourceVersion and the 410 code from them);
 * - hooks to count requests and to learn that a watch was established.
 */
import { KubeConfig, Watch } from '@kubernetes/client-node';
import { SlimObject } from '../cache/objects';

export interface ProjectingWatchOptions {
  slim(raw: unknown): SlimObject;
  onRequest?: () => void;
  /** The API server accepted the watch (200): the informer is healthy again. */
  onEstablished?: () => void;
  /** The informer was stopped while a list was in flight: open no new watch. */
  isStopped?: () => boolean;
  /** Override for tests: the server-side timeout of one watch request. */
  timeoutSeconds?: () => number;
}

const randomTimeoutSeconds = () => 300 + Math.floor(Math.random() * 300);

export class ProjectingWatch extends Watch {
  constructor(
    config: KubeConfig,
    private readonly options: ProjectingWatchOptions,
  ) {
    super(config);
  }

  override async watch(
    path: string,
    queryParams: Record<string, string | number | boolean | undefined>,
    callback: (phase: string, apiObj: any, watchObj?: any) => void,
    done: (err: any) => void,
  ): Promise<AbortController> {
    if (this.options.isStopped?.()) return new AbortController();
    const timeoutSeconds = (
      this.options.timeoutSeconds ?? randomTimeoutSeconds
    )();
    let finished = false;
    const watching: { controller?: AbortController } = {};
    const watchdog = setTimeout(
      () => watching.controller?.abort(),
      (timeoutSeconds + 60) * 1000,
    );
    watchdog.unref?.();

    this.options.onRequest?.();
    const controller = await super.watch(
      path,
      { ...queryParams, allowWatchBookmarks: true, timeoutSeconds },
      (phase, obj, watchObj) => {
        const passThrough = phase === 'BOOKMARK' || phase === 'ERROR';
        callback(phase, passThrough ? obj : this.options.slim(obj), watchObj);
      },
      err => {
        finished = true;
        clearTimeout(watchdog);
        done(err);
      },
    );
    watching.controller = controller;
    if (!finished) this.options.onEstablished?.();
    return controller;
  }
}
