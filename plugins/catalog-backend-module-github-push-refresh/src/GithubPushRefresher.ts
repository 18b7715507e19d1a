import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import {
  CatalogService,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import { EventParams } from '@backstage/plugin-events-node';
import { GithubProviderTarget, trackedBranches } from './push/githubProviders';
import { RecentDeliveries } from './push/RecentDeliveries';
import { fileRefreshKeys, fileUrl } from './push/refreshKeys';
import {
  GithubPushPayload,
  pushChanges,
  pushedBranch,
} from './push/pushChanges';

/** What one push did to the catalog, for the log and the tests. */
export type PushOutcome =
  | { kind: 'ignored'; reason: string }
  | {
      kind: 'refreshed';
      repository: string;
      branch: string;
      commit: string;
      refreshKeys: number;
      unregistered: string[];
    };

/**
 * Turns a GitHub push (topic `github.push`, published by the events backend's GitHub module
 * once the webhook signature checked out) into exactly the catalog work it calls for:
 *
 * - every added, modified or removed file of a tracked branch refreshes the entities whose
 *   refresh keys name it: the Location that reads it (discovered, registered by hand, or a
 *   Location entity inside the repository), so its entities are re-read at once instead of at
 *   the next processing loop;
 * - a removed file that was registered by hand (`POST /api/catalog/locations`) is unregistered,
 *   which removes its entities too: the file is gone, so is what it declared. (Discovered files
 *   are removed by the stock GithubEntityProvider, which handles the same event.)
 *
 * Pushes to other branches and tags are ignored; a delivery seen before (same
 * X-GitHub-Delivery) is ignored, and handling one twice would change nothing anyway.
 */
export class GithubPushRefresher implements EntityProvider {
  private connection?: EntityProviderConnection;
  private readonly deliveries = new RecentDeliveries(1000);

  constructor(
    private readonly options: {
      providers: GithubProviderTarget[];
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
    },
  ) {}

  getProviderName() {
    return 'strata-github-push-refresh';
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
  }

  async onEvent(params: EventParams): Promise<PushOutcome> {
    const delivery = headerOf(params.metadata, 'x-github-delivery');
    if (delivery && this.deliveries.has(delivery)) {
      return this.ignored(`delivery ${delivery} was handled already`);
    }
    const outcome = await this.onPush(params.eventPayload as GithubPushPayload);
    // Remembered only once handled: a delivery that failed is handled again when GitHub retries.
    if (delivery) this.deliveries.remember(delivery);
    this.options.logger.info(
      outcome.kind === 'ignored'
        ? `GitHub push ignored: ${outcome.reason}`
        : `GitHub push to ${outcome.repository}@${outcome.branch} (${outcome.commit}): refreshed ${outcome.refreshKeys} keys, unregistered ${outcome.unregistered.length} locations`,
    );
    return outcome;
  }

  private async onPush(push: GithubPushPayload): Promise<PushOutcome> {
    if (!this.connection) {
      // Before the catalog connected nothing is served yet; its first pass reads everything.
      return this.ignored('the catalog has not started yet');
    }
    if (!push?.repository?.html_url || !Array.isArray(push.commits)) {
      return this.ignored('not a push payload (no repository or commits)');
    }
    const repositoryUrl = push.repository.html_url.replace(/\/$/, '');
    const branch = pushedBranch(push.ref);
    const tracked = trackedBranches(this.options.providers, {
      host: new URL(repositoryUrl).host,
      organization: push.organization?.login ?? push.repository.owner?.login,
      defaultBranch: push.repository.default_branch,
    });
    if (!branch || !tracked.has(branch)) {
      return this.ignored(
        `${push.ref} of ${repositoryUrl} is not a branch the catalog reads (${[
          ...tracked,
        ].join(', ')})`,
      );
    }
    if (push.deleted) {
      return this.ignored(`${push.ref} of ${repositoryUrl} was deleted`);
    }

    const changes = pushChanges(push.commits);
    const unregistered = await this.unregisterRemoved(
      repositoryUrl,
      branch,
      changes.removed,
    );
    const keys = [
      ...new Set(
        [...changes.added, ...changes.modified, ...changes.removed].flatMap(
          path => fileRefreshKeys(repositoryUrl, branch, path),
        ),
      ),
    ];
    if (keys.length > 0) await this.connection.refresh({ keys });
    return {
      kind: 'refreshed',
      repository: repositoryUrl,
      branch,
      commit: push.after,
      refreshKeys: keys.length,
      unregistered,
    };
  }

  /** Unregisters the hand-registered locations of removed files; returns their targets. */
  private async unregisterRemoved(
    repositoryUrl: string,
    branch: string,
    removed: string[],
  ): Promise<string[]> {
    const unregistered: string[] = [];
    if (removed.length === 0) return unregistered;
    const credentials = await this.options.auth.getOwnServiceCredentials();
    for (const path of removed) {
      const target = fileUrl(repositoryUrl, branch, path);
      const location = await this.options.catalog.getLocationByRef(
        `url:${target}`,
        { credentials },
      );
      if (!location) continue;
      await this.options.catalog.removeLocationById(location.id, {
        credentials,
      });
      unregistered.push(target);
    }
    return unregistered;
  }

  private ignored(reason: string): PushOutcome {
    return { kind: 'ignored', reason };
  }
}

/** A header the events backend passed along as metadata (names are lower-case there). */
function headerOf(
  metadata: EventParams['metadata'],
  name: string,
): string | undefined {
  const value = metadata?.[name];
  return Array.isArray(value) ? value[0] : value;
}
