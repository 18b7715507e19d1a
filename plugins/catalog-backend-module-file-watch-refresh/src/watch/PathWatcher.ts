import { LoggerService } from '@backstage/backend-plugin-api';
import fs from 'node:fs';
import path from 'node:path';

/** One folder (recursively) or one file (through its folder) to watch. */
export type WatchTarget = { kind: 'folder' | 'file'; path: string };

/**
 * Watches folders recursively and single files, and reports changed paths. A target that does
 * not exist yet (the local repositories folder before the first repository), or that goes away,
 * is retried every `retryMs` until it is there: the watch survives folders appearing and
 * disappearing. Uses the operating system's notifications (`fs.watch`; inotify on Linux), so an
 * idle watch costs nothing.
 */
export class PathWatcher {
  private readonly watchers = new Map<string, fs.FSWatcher>();
  private readonly retries = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly options: {
      targets: WatchTarget[];
      onChange: (file: string) => void;
      logger: LoggerService;
      retryMs?: number;
    },
  ) {}

  start() {
    for (const target of this.options.targets) this.watch(target);
  }

  stop() {
    this.stopped = true;
    for (const watcher of this.watchers.values()) watcher.close();
    for (const timer of this.retries.values()) clearTimeout(timer);
    this.watchers.clear();
    this.retries.clear();
  }

  /** How many targets are being watched now (the rest wait to exist). */
  get watching(): number {
    return this.watchers.size;
  }

  private watch(target: WatchTarget, appeared = false) {
    if (this.stopped) return;
    const folder =
      target.kind === 'folder' ? target.path : path.dirname(target.path);
    let real: string;
    let watcher: fs.FSWatcher;
    try {
      // Real paths, as the catalog's file reader records its refresh keys.
      real = fs.realpathSync(folder);
      watcher = fs.watch(
        real,
        { recursive: target.kind === 'folder', persistent: false },
        (_event, name) => {
          if (!name) return;
          const file = path.join(real, name.toString());
          if (
            target.kind === 'file' &&
            path.basename(file) !== path.basename(target.path)
          ) {
            return;
          }
          this.options.onChange(file);
        },
      );
    } catch (error) {
      this.retryLater(target, error as NodeJS.ErrnoException);
      return;
    }
    watcher.on('error', error => {
      // The folder went away (or the watch broke): watch again once it is back.
      watcher.close();
      this.watchers.delete(target.path);
      this.options.onChange(real);
      this.retryLater(target, error as NodeJS.ErrnoException);
    });
    this.watchers.set(target.path, watcher);
    if (appeared) this.reportContents(real, target);
  }

  /**
   * A target that appeared after start may already hold files (a folder created with its
   * contents at once): what is in it is reported as changed, one level deep.
   */
  private reportContents(real: string, target: WatchTarget) {
    if (target.kind === 'file') {
      this.options.onChange(path.join(real, path.basename(target.path)));
      return;
    }
    this.options.onChange(real);
    for (const name of fs.readdirSync(real)) {
      this.options.onChange(path.join(real, name));
    }
  }

  private retryLater(target: WatchTarget, error: NodeJS.ErrnoException) {
    if (this.stopped || this.retries.has(target.path)) return;
    if (error.code !== 'ENOENT') {
      this.options.logger.warn(
        `Cannot watch ${target.path} for catalog changes (${error.message}); retrying, changes there wait for the processing loop meanwhile`,
      );
    }
    const timer = setTimeout(() => {
      this.retries.delete(target.path);
      this.watch(target, true);
    }, this.options.retryMs ?? 5000);
    timer.unref();
    this.retries.set(target.path, timer);
  }
}
