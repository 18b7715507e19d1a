import { LoggerService } from '@backstage/backend-plugin-api';
import {
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { EventsService } from '@backstage/plugin-events-node';
import {
  FileLocationRoots,
  LOCAL_CATALOG_FILE_NAME,
  LOCAL_REPOSITORY_PUBLISHED_TOPIC,
} from '@internal/plugin-local-repositories-node';
import { changedFileWork, isIgnoredPath } from './watch/changedFileKeys';
import { PathWatcher } from './watch/PathWatcher';

/** At most this many distinct changed paths are held between two refreshes. */
const MAX_PENDING = 2000;

/**
 * Re-reads a changed file of a `file` location at once: watches what the file-location guard
 * lets the catalog read (the same roots: the local repositories folder, the demo organisation,
 * templates, the portal's own file) and, a short quiet period after a change, refreshes the
 * Locations whose refresh keys name the changed files, and has the local repositories provider
 * rescan when a repository's folder or catalog file appeared or went away.
 *
 * It reads nothing itself: the refreshed Locations are read by the guarded FileLocationReader,
 * so the guard's rules apply unchanged. Bounded: a burst of more than MAX_PENDING paths (a large
 * checkout) refreshes the first MAX_PENDING and logs that the rest wait for the processing loop.
 */
export class FileWatchRefresher implements EntityProvider {
  private connection?: EntityProviderConnection;
  private readonly pending = new Set<string>();
  private overflow = 0;
  private timer?: NodeJS.Timeout;
  private readonly watcher: PathWatcher;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly options: {
      roots: FileLocationRoots;
      repositoriesDir: string;
      events: EventsService;
      logger: LoggerService;
      debounceMs: number;
    },
  ) {
    this.watcher = new PathWatcher({
      targets: [
        ...options.roots.folders.map(p => ({
          kind: 'folder' as const,
          path: p,
        })),
        ...options.roots.files.map(p => ({ kind: 'file' as const, path: p })),
      ],
      onChange: file => this.changed(file),
      logger: options.logger,
    });
  }

  getProviderName() {
    return 'strata-file-watch-refresh';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    this.watcher.start();
  }

  /** Stops watching; a pending refresh still runs. */
  async stop(): Promise<void> {
    this.watcher.stop();
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.flushing = this.flushing.then(() => this.flush());
    }
    await this.flushing;
  }

  private changed(file: string) {
    if (isIgnoredPath(file)) return;
    if (this.pending.size >= MAX_PENDING && !this.pending.has(file)) {
      this.overflow += 1;
    } else {
      this.pending.add(file);
    }
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        // One refresh at a time, in order: a slow database never runs two over each other.
        this.flushing = this.flushing.then(() => this.flush());
      }, this.options.debounceMs);
      this.timer.unref();
    }
  }

  private async flush() {
    const changed = [...this.pending];
    this.pending.clear();
    const overflow = this.overflow;
    this.overflow = 0;
    if (changed.length === 0 || !this.connection) return;
    const work = changedFileWork(changed, {
      patterns: this.options.roots.patterns,
      repositoriesDir: this.options.repositoriesDir,
      catalogFileName: LOCAL_CATALOG_FILE_NAME,
    });
    try {
      await this.connection.refresh({ keys: work.keys });
      for (const repository of work.repositories) {
        await this.options.events.publish({
          topic: LOCAL_REPOSITORY_PUBLISHED_TOPIC,
          eventPayload: { repository },
        });
      }
      this.options.logger.debug(
        `Files changed: refreshed ${work.keys.length} keys, rescanned ${work.repositories.length} local repositories`,
      );
    } catch (error) {
      this.options.logger.warn(
        `Could not refresh the catalog for ${changed.length} changed files (they wait for the processing loop): ${error}`,
      );
    }
    if (overflow > 0) {
      this.options.logger.warn(
        `${overflow} more files changed at once than the watch refreshes (${MAX_PENDING}); they wait for the processing loop`,
      );
    }
  }
}
