/*
 * The lookup: one key → the entity (a map hit on the index), its owner and contacts, the
 * escalation chain, who is on call (providers), and — unless asked not to — SLO and last deploy
 * from the other plugins, asked in parallel.
 */
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import type {
  LookupQuery,
  LookupResult,
} from '@internal/plugin-ownership-common';
import type { OnCallProvider } from '@internal/plugin-ownership-node';
import { INDEX_KINDS } from '../catalogIndex/CatalogIndexSource';
import {
  ReadEntities,
  withEntityFromCatalog,
} from '../catalogIndex/fromCatalog';
import type { OwnershipIndex } from '../catalogIndex/OwnershipIndex';
import type { HealthSources } from '../health/health';
import { resolveOnCall } from '../oncall/resolveOnCall';
import { contactsOf, titleOf } from './contacts';
import { entityRefOfKey, findEntity } from './findEntity';

export interface LookupOptions {
  /** Ask telemetry and deployments (default true); the alert webhook and who-owns skip them. */
  withHealth?: boolean;
}

export class LookupService {
  constructor(
    private readonly options: {
      index: { get(): Promise<OwnershipIndex> };
      providers: OnCallProvider[];
      health: HealthSources;
      /**
       * Reads entities the index has not reached yet from the catalog (a lookup by entityRef of
       * an entity registered since the last rebuild); without it such a lookup is a 404.
       */
      catalog?: ReadEntities;
    },
  ) {}

  async lookup(
    query: LookupQuery,
    credentials: BackstageCredentials,
    options: LookupOptions = {},
  ): Promise<LookupResult> {
    const { index, fromCatalog } = await this.indexFor(query);
    const found = findEntity(index, query);
    const { entityRef } = found;
    const matchedBy = fromCatalog
      ? `${found.matchedBy} (read from the catalog: the ownership index has not reached it yet)`
      : found.matchedBy;
    const entity = index.entity(entityRef)!;
    // A team (or person) looked up by ref owns itself: its own rotation and parents apply.
    const ownerRef = index.responsibleRef(entity);
    const owner = ownerRef ? index.entity(ownerRef) : undefined;
    const escalation = index.chain(ownerRef);
    const chain = escalation.flatMap(ref => index.entity(ref) ?? []);

    const isComponent = entityRef.startsWith('component:');
    const withHealth = (options.withHealth ?? true) && isComponent;
    const notAsked = isComponent
      ? 'not asked (withHealth=false)'
      : `only Components have one (this is a ${entity.kind})`;
    const [onCall, slo, deploy] = await Promise.all([
      resolveOnCall(this.options.providers, { entity, owner, chain }),
      withHealth
        ? this.options.health.slo(entityRef, credentials)
        : { sloReason: notAsked },
      withHealth
        ? this.options.health.lastDeploy(entityRef, credentials)
        : { lastDeployReason: notAsked },
    ]);

    const title = entity.metadata.title;
    const ownerTitle = titleOf(owner);
    return {
      entityRef,
      kind: entity.kind,
      ...(title ? { title } : {}),
      matchedBy,
      owner: {
        ref: ownerRef ?? 'unknown',
        ...(ownerTitle ? { title: ownerTitle } : {}),
        contacts: contactsOf(owner),
      },
      onCall,
      escalation,
      ...slo,
      ...deploy,
    };
  }

  /**
   * The index to answer from: the current one, or — for an entityRef it has not reached yet —
   * the current one with the entity read from the catalog. An entityRef neither has is a 404
   * saying where it was searched.
   */
  private async indexFor(
    query: LookupQuery,
  ): Promise<{ index: OwnershipIndex; fromCatalog: boolean }> {
    const index = await this.options.index.get();
    const { catalog } = this.options;
    if (query.key !== 'entityRef' || !catalog || !query.value.trim()) {
      return { index, fromCatalog: false };
    }
    const ref = entityRefOfKey(query.value);
    if (index.entity(ref)) return { index, fromCatalog: false };
    const searched = `searched the ownership index (built ${index.builtAt.toISOString()}) and the catalog`;
    const kind = ref.slice(0, ref.indexOf(':'));
    if (!INDEX_KINDS.some(k => k.toLocaleLowerCase('en-US') === kind)) {
      throw new NotFoundError(
        `No entity ${ref} to look up: ownership knows ${INDEX_KINDS.join(
          ', ',
        )}, not ${kind}`,
      );
    }
    let withEntity;
    try {
      withEntity = await withEntityFromCatalog(index, ref, catalog);
    } catch (error) {
      throw new ServiceUnavailableError(
        `${ref} is not in the ownership index (built ${index.builtAt.toISOString()}) and the catalog could not be asked: ${
          (error as Error).message
        }`,
      );
    }
    if (!withEntity) {
      throw new NotFoundError(`No entity ${ref} in the catalog; ${searched}`);
    }
    return { index: withEntity, fromCatalog: true };
  }
}
