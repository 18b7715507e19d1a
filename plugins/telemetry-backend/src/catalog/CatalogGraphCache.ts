import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CatalogGraph } from './CatalogGraph';

/** How long the catalog index is used before it is read again. */
export const CATALOG_REFRESH_MS = 60_000;

/**
 * The CatalogGraph, read with the plugin's own credentials and refreshed at most once a minute
 * (one read at a time; readers keep the previous index meanwhile, and when a read fails).
 */
export class CatalogGraphCache {
  private graph?: CatalogGraph;
  private loadedAt = 0;
  private loading?: Promise<CatalogGraph>;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger?: LoggerService;
      refreshMs?: number;
      now?: () => number;
    },
  ) {}

  async get(): Promise<CatalogGraph> {
    const now = (this.options.now ?? Date.now)();
    const fresh = now - this.loadedAt < (this.options.refreshMs ?? CATALOG_REFRESH_MS);
    if (this.graph && fresh) return this.graph;
    this.loading ??= this.load(now).finally(() => {
      this.loading = undefined;
    });
    if (this.graph) {
      // Serve the old index while the new one loads.
      this.loading.catch(() => undefined);
      return this.graph;
    }
    return this.loading;
  }

  private async load(now: number): Promise<CatalogGraph> {
    try {
      const credentials = await this.options.auth.getOwnServiceCredentials();
      const { items } = await this.options.catalog.getEntities(
        {
          filter: [{ kind: 'component' }, { kind: 'resource' }, { kind: 'system' }],
          fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.annotations', 'spec.type', 'spec.topic', 'relations'],
        },
        { credentials },
      );
      this.graph = new CatalogGraph(items);
      this.loadedAt = now;
      return this.graph;
    } catch (error) {
      this.options.logger?.warn(`Could not read the catalog for telemetry: ${error}`);
      if (this.graph) return this.graph;
      return new CatalogGraph([]);
    }
  }
}
