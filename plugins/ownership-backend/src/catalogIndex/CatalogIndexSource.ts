/*
 * Keeps one OwnershipIndex built from the catalog with the plugin's own credentials and rebuilds
 * it at most every `refreshMs`. A lookup never waits for a rebuild once the first index exists:
 * it is answered from the current index while a newer one is built (stale for at most refreshMs
 * plus one build).
 */
import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { OwnershipIndex } from './OwnershipIndex';

/** Only what the index reads, so 10,000 services stay a few MB. */
export const INDEX_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'metadata.links',
  'spec.type',
  'spec.owner',
  'spec.topic',
  'spec.parent',
  'spec.profile',
  'relations',
];
/** The kinds the index keeps (lookups find only these). */
export const INDEX_KINDS = [
  'Component',
  'Resource',
  'Group',
  'User',
  'System',
  'API',
];

export class CatalogIndexSource {
  private current?: OwnershipIndex;
  private building?: Promise<OwnershipIndex>;
  /** When the last build started, failed or not: a failing catalog is retried every refreshMs, not per request. */
  private lastAttemptAt = 0;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      refreshMs: number;
      now?: () => number;
    },
  ) {}

  /** The current index; the first call waits for the first build. */
  async get(): Promise<OwnershipIndex> {
    const now = this.options.now?.() ?? Date.now();
    if (!this.current) return this.rebuild();
    if (now - this.lastAttemptAt >= this.options.refreshMs) {
      this.rebuild().catch(() => {}); // logged in rebuild; the current index still answers
    }
    return this.current;
  }

  /** Builds a new index (one build at a time). */
  rebuild(): Promise<OwnershipIndex> {
    if (!this.building) {
      this.building = this.build().finally(() => {
        this.building = undefined;
      });
    }
    return this.building;
  }

  private async build(): Promise<OwnershipIndex> {
    const started = this.options.now?.() ?? Date.now();
    this.lastAttemptAt = started;
    try {
      const credentials = await this.options.auth.getOwnServiceCredentials();
      const { items } = await this.options.catalog.getEntities(
        { filter: { kind: INDEX_KINDS }, fields: INDEX_FIELDS },
        { credentials },
      );
      const index = OwnershipIndex.build(items, new Date(started));
      this.current = index;
      this.options.logger.debug(
        `Ownership index rebuilt: ${index.size} entities in ${
          Date.now() - started
        } ms`,
      );
      return index;
    } catch (error) {
      this.options.logger.warn(
        `Could not rebuild the ownership index from the catalog: ${
          (error as Error).message
        }`,
      );
      if (this.current) return this.current;
      throw new ServiceUnavailableError(
        `The ownership index could not be built from the catalog: ${
          (error as Error).message
        }`,
      );
    }
  }
}
