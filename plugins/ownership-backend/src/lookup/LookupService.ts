/*
 * The lookup: one key → the entity (a map hit on the index), its owner and contacts, the
 * escalation chain, who is on call (providers), and — unless asked not to — SLO and last deploy
 * from the other plugins, asked in parallel.
 */
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type {
  LookupQuery,
  LookupResult,
} from '@internal/plugin-ownership-common';
import type { OnCallProvider } from '@internal/plugin-ownership-node';
import type { OwnershipIndex } from '../catalogIndex/OwnershipIndex';
import type { HealthSources } from '../health/health';
import { resolveOnCall } from '../oncall/resolveOnCall';
import { contactsOf, titleOf } from './contacts';
import { findEntity } from './findEntity';

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
    },
  ) {}

  async lookup(
    query: LookupQuery,
    credentials: BackstageCredentials,
    options: LookupOptions = {},
  ): Promise<LookupResult> {
    const index = await this.options.index.get();
    const { entityRef, matchedBy } = findEntity(index, query);
    const entity = index.entity(entityRef)!;
    // A team (or person) looked up by ref owns itself: its own rotation and parents apply.
    const ownerRef = ['group', 'user'].includes(
      entity.kind.toLocaleLowerCase('en-US'),
    )
      ? entityRef
      : index.ownerRef(entity);
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
}
