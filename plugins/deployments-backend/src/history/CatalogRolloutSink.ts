import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ANNOTATION_KUBERNETES_ID } from '@internal/plugin-service-model-common';
import { HistoryStore } from '../database/HistoryStore';
import { ObservedRollout, RolloutSink } from '../kubernetes/types';

/** How long a kubernetes-id → entity answer is reused (a new service shows up within this). */
const DEFAULT_CACHE_TTL_MS = 5 * 60 * 1000;

type CacheEntry = { entityRef: string | undefined; expiresAt: number };

/**
 * Records what the Kubernetes watch observed: the workload's `backstage.io/kubernetes-id`
 * label is mapped to the entity with the same annotation through the catalog (answers cached
 * for a few minutes, so a watch replay does not query the catalog per event), and the rollout
 * is merged by id with source `kubernetes` — the same id a CD system posts merges into it.
 * A workload no entity claims is not recorded: history is per service.
 */
export class CatalogRolloutSink implements RolloutSink {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(
    private readonly options: {
      store: HistoryStore;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      cacheTtlMs?: number;
      now?: () => number;
    },
  ) {
    this.ttlMs = options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  async recordObservedRollout(rollout: ObservedRollout): Promise<void> {
    const entityRef = rollout.kubernetesId
      ? await this.entityFor(rollout.kubernetesId)
      : undefined;
    if (!entityRef) {
      this.options.logger.debug(
        `Rollout ${
          rollout.id
        } not recorded: no entity has ${ANNOTATION_KUBERNETES_ID}=${
          rollout.kubernetesId ?? '(label missing)'
        }`,
      );
      return;
    }
    const startedAt = Date.parse(rollout.startedAt);
    const finishedAt = rollout.finishedAt
      ? Date.parse(rollout.finishedAt)
      : undefined;
    if (Number.isNaN(startedAt) || Number.isNaN(finishedAt)) {
      this.options.logger.warn(
        `Rollout ${rollout.id} not recorded: unreadable time (${rollout.startedAt}, ${rollout.finishedAt})`,
      );
      return;
    }
    await this.options.store.record([
      {
        kind: 'deployment',
        rollout: {
          id: rollout.id,
          entityRef,
          environment: rollout.environment,
          version: rollout.version,
          ...(rollout.commitSha ? { commitSha: rollout.commitSha } : {}),
          startedAt,
          ...(finishedAt !== undefined ? { finishedAt } : {}),
          // An outcome without an end time could not be counted by DORA (see validateEvents).
          ...(rollout.outcome && finishedAt !== undefined
            ? { outcome: rollout.outcome }
            : {}),
          kubernetes: {
            cluster: rollout.cluster,
            namespace: rollout.namespace,
            workload: rollout.workload,
            revision: rollout.revision,
            image: rollout.image,
          },
          source: 'kubernetes',
        },
      },
    ]);
  }

  private async entityFor(kubernetesId: string): Promise<string | undefined> {
    const cached = this.cache.get(kubernetesId);
    if (cached && cached.expiresAt > this.now()) return cached.entityRef;

    const { items } = await this.options.catalog.getEntities(
      {
        filter: {
          [`metadata.annotations.${ANNOTATION_KUBERNETES_ID}`]: kubernetesId,
        },
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      },
      { credentials: await this.options.auth.getOwnServiceCredentials() },
    );
    // Components first (the service), then by ref, so the choice is stable when several
    // entities carry the same id.
    const refs = items
      .map(e => stringifyEntityRef(e).toLocaleLowerCase('en-US'))
      .sort(
        (a, b) =>
          Number(!a.startsWith('component:')) -
            Number(!b.startsWith('component:')) || a.localeCompare(b),
      );
    if (refs.length > 1) {
      this.options.logger.warn(
        `Several entities have ${ANNOTATION_KUBERNETES_ID}=${kubernetesId} (${refs.join(
          ', ',
        )}); rollouts are recorded for ${refs[0]}`,
      );
    }
    this.cache.set(kubernetesId, {
      entityRef: refs[0],
      expiresAt: this.now() + this.ttlMs,
    });
    return refs[0];
  }
}
