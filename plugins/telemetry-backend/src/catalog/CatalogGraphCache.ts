import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CatalogGraph } from './CatalogGraph';
import { CATALOG_REFRESH_MS, RefreshSchedule } from './refreshSchedule';

export { CATALOG_REFRESH_MS };

/** The observed graph nodes (`otel:…`, `topic:…`, `db:…`) the index does not map to an entity. */
export function unmappedNodes(
  graph: CatalogGraph,
  nodes: Iterable<string>,
): string[] {
  const out = new Set<string>();
  for (const node of nodes) if (graph.resolveNode(node) === node) out.add(node);
  return [...out].sort();
}

/**
 * The CatalogGraph, read with the plugin's own credentials: again once a minute, and sooner
 * while readers have observed names it does not map, with a backoff ({@link RefreshSchedule}).
 * One read at a time; a minute-old index is served while the new one loads, and when a read
 * fails. A reader with names the index does not map waits for a read under way (an early read
 * it caused, or any other): the answer it is about to give is the one that was stale.
 */
export class CatalogGraphCache {
  private graph?: CatalogGraph;
  private loading?: Promise<CatalogGraph>;
  private readonly schedule: RefreshSchedule;
  private readonly now: () => number;

  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      logger?: LoggerService;
      refreshMs?: number;
      /** The soonest an index is read again for unmapped names (5 s). */
      minEarlyRefreshMs?: number;
      now?: () => number;
    },
  ) {
    this.now = options.now ?? Date.now;
    this.schedule = new RefreshSchedule({
      refreshMs: options.refreshMs,
      minEarlyMs: options.minEarlyRefreshMs,
    });
  }

  /**
   * The index, for resolving `nodes` (graph nodes: `otel:<service.name>`, `topic:<name>`,
   * `db:<system>/<name>`); the nodes decide whether it is worth reading the catalog early.
   */
  async get(nodes: Iterable<string> = []): Promise<CatalogGraph> {
    const now = this.now();
    const unmapped = this.graph ? unmappedNodes(this.graph, nodes) : [];
    const decision = this.schedule.decide(now, unmapped);
    if (decision !== 'use') {
      this.loading ??= this.load(now, decision === 'early', unmapped).finally(
        () => {
          this.loading = undefined;
        },
      );
    }
    if (!this.graph) return this.loading ?? new CatalogGraph([]);
    // A reader with names the index lacks waits for a read under way (the one it caused, or
    // one another reader caused a moment before); the others get the index there is.
    if (this.loading && unmapped.length > 0) return this.loading;
    this.loading?.catch(() => undefined);
    return this.graph;
  }

  private async load(
    now: number,
    early: boolean,
    asked: string[],
  ): Promise<CatalogGraph> {
    this.schedule.started(now);
    try {
      const credentials = await this.options.auth.getOwnServiceCredentials();
      const { items } = await this.options.catalog.getEntities(
        {
          filter: [
            { kind: 'component' },
            { kind: 'resource' },
            { kind: 'system' },
          ],
          fields: [
            'kind',
            'metadata.name',
            'metadata.namespace',
            'metadata.annotations',
            'spec.type',
            'spec.topic',
            'relations',
          ],
        },
        { credentials },
      );
      const graph = new CatalogGraph(items);
      this.graph = graph;
      this.schedule.loaded(now, {
        early,
        asked,
        maps: node => graph.resolveNode(node) !== node,
      });
      return graph;
    } catch (error) {
      this.options.logger?.warn(
        `Could not read the catalog for telemetry: ${error}`,
      );
      if (this.graph) return this.graph;
      return new CatalogGraph([]);
    }
  }
}
