/*
 * The view model of the "Data & events" card, derived purely from the viewed
 * entity and the related entities fetched from the catalog.
 *
 * Nothing here touches React or the network: `planNextFetch` says which
 * entities to fetch next (the card fetches in at most two rounds), and
 * `buildDataAndEventsModel` turns what was fetched into what the card shows,
 * including its warnings.
 */
import {
  Entity,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_OWNED_BY,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  isDatabase,
  isService,
  isTopicOrQueue,
  kindOfRef,
  RELATION_CONSUMED_BY,
  RELATION_CONSUMES,
  RELATION_HAS_SCHEMA,
  RELATION_PRODUCED_BY,
  RELATION_PRODUCES,
  specOf,
  tryNormalizeRef,
} from '@internal/plugin-service-model-common';

/**
 * Related entities as fetched from the catalog, keyed by normalized entity ref
 * (`normalizeRef` of service-model-common). A ref that is absent was not found.
 */
export type EntityLookup = ReadonlyMap<string, Entity>;

/** One request to `catalogApi.getEntitiesByRefs`. */
export interface FetchStep {
  entityRefs: string[];
  fields: string[];
}

/** Fields needed of databases and topics/queues related to a service. */
export const RESOURCE_FIELDS: readonly string[] = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'spec.type',
  'spec.engine',
  'spec.personalData',
  'spec.topic',
  'relations',
];

/** Fields needed of the services on the other side (their owners are relations). */
export const SERVICE_FIELDS: readonly string[] = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'spec.type',
  'relations',
];

/** A service (Component) related to the viewed entity, with its owners. */
export interface RelatedService {
  /** Normalized entity ref. */
  entityRef: string;
  /** The fetched (partial) entity; undefined when it is not in the catalog. */
  entity?: Entity;
  /** Refs of the owners (`ownedBy` relations). */
  ownerRefs: string[];
}

/** A database a service depends on. */
export interface DatabaseUsage {
  entityRef: string;
  entity?: Entity;
  engine?: string;
  personalData?: boolean;
  /** Other Components that depend on the same database; non-empty means shared. */
  sharedWith: RelatedService[];
}

/**
 * Why a topic/queue row needs attention: nobody on the other side in the
 * catalog, or the topic/queue itself is not in the catalog.
 */
export type ChannelWarning = 'no-producer' | 'no-consumer' | 'not-in-catalog';

/** A topic or queue a service produces to or consumes from. */
export interface ChannelUsage {
  entityRef: string;
  entity?: Entity;
  /** `spec.type`: kafka-topic or rabbitmq-queue. */
  type?: string;
  /** `spec.topic`: the name on the broker. */
  brokerName?: string;
  /**
   * The services on the other side: the consumers of a produced topic, the
   * producers of a consumed topic.
   */
  counterparts: RelatedService[];
  warning?: ChannelWarning;
}

/** The card on a service (`Component`, `spec.type: service`). */
export interface ServiceDataAndEvents {
  view: 'service';
  databases: DatabaseUsage[];
  produces: ChannelUsage[];
  consumes: ChannelUsage[];
}

/** The card on a database (`Resource`, `spec.type: database`). */
export interface DatabaseDataAndEvents {
  view: 'database';
  engine?: string;
  personalData?: boolean;
  /** The Components that depend on it. */
  users: RelatedService[];
  /** More than one Component depends on it. */
  shared: boolean;
}

/** The card on a topic or queue (`Resource`, `spec.type: kafka-topic | rabbitmq-queue`). */
export interface ChannelDataAndEvents {
  view: 'channel';
  type: string;
  brokerName?: string;
  /** Refs of the AsyncAPI APIs describing its messages (`hasSchema`). */
  schemaRefs: string[];
  producers: RelatedService[];
  consumers: RelatedService[];
  warnings: Array<'no-producer' | 'no-consumer'>;
}

export type DataAndEventsModel =
  | ServiceDataAndEvents
  | DatabaseDataAndEvents
  | ChannelDataAndEvents;

export type DataAndEventsView = DataAndEventsModel['view'];

function stringField(entity: Entity | undefined, field: string) {
  const value = specOf(entity)[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function booleanField(entity: Entity | undefined, field: string) {
  const value = specOf(entity)[field];
  return typeof value === 'boolean' ? value : undefined;
}

/** Which view of the card fits the entity, if any. */
export function viewOf(entity: Entity): DataAndEventsView | undefined {
  if (isService(entity)) {
    return 'service';
  }
  if (isDatabase(entity)) {
    return 'database';
  }
  if (isTopicOrQueue(entity)) {
    return 'channel';
  }
  return undefined;
}

/** Normalized, de-duplicated targets of the entity's relations of a type. */
function targets(
  entity: Entity | undefined,
  type: string,
  kind?: string,
): string[] {
  const refs = new Set<string>();
  for (const relation of entity?.relations ?? []) {
    if (relation.type !== type) {
      continue;
    }
    // Relations come from the catalog with full refs; the fallback keeps an odd one visible.
    const ref =
      tryNormalizeRef(relation.targetRef) ??
      relation.targetRef.toLocaleLowerCase('en-US');
    if (!kind || kindOfRef(ref) === kind) {
      refs.add(ref);
    }
  }
  return [...refs];
}

function unique(refs: Iterable<string>): string[] {
  return [...new Set(refs)];
}

/** Databases and topics/queues a service may show: its dependsOn Resources, produces, consumes. */
function serviceResourceRefs(entity: Entity) {
  const dependsOn = targets(entity, RELATION_DEPENDS_ON, 'resource');
  const produces = targets(entity, RELATION_PRODUCES);
  const consumes = targets(entity, RELATION_CONSUMES);
  return { dependsOn, produces, consumes };
}

/** The Components other than `self` that depend on a database. */
function databaseUserRefs(database: Entity | undefined, self?: string) {
  return targets(database, RELATION_DEPENDENCY_OF, 'component').filter(
    ref => ref !== self,
  );
}

/**
 * The next request the card needs, given what it has fetched (`related`) and
 * asked for (`attempted`, refs that were requested whether or not found), or
 * undefined when it has everything. A service needs two rounds (its databases
 * and topics, then the services on their other side); a database or topic
 * needs one.
 */
export function planNextFetch(
  entity: Entity,
  related: EntityLookup,
  attempted: ReadonlySet<string>,
): FetchStep | undefined {
  const pending = (refs: string[], fields: readonly string[]) => {
    const entityRefs = unique(refs).filter(ref => !attempted.has(ref));
    return entityRefs.length ? { entityRefs, fields: [...fields] } : undefined;
  };

  switch (viewOf(entity)) {
    case 'service': {
      const self = stringifyEntityRef(entity);
      const { dependsOn, produces, consumes } = serviceResourceRefs(entity);
      const first = pending(
        [...dependsOn, ...produces, ...consumes],
        RESOURCE_FIELDS,
      );
      if (first) {
        return first;
      }
      const databaseUsers = dependsOn
        .map(ref => related.get(ref))
        .filter(isDatabase)
        .flatMap(database => databaseUserRefs(database, self));
      const consumers = produces.flatMap(ref =>
        targets(related.get(ref), RELATION_CONSUMED_BY),
      );
      const producers = consumes.flatMap(ref =>
        targets(related.get(ref), RELATION_PRODUCED_BY),
      );
      return pending(
        [...databaseUsers, ...consumers, ...producers],
        SERVICE_FIELDS,
      );
    }
    case 'database':
      return pending(databaseUserRefs(entity), SERVICE_FIELDS);
    case 'channel':
      return pending(
        [
          ...targets(entity, RELATION_PRODUCED_BY),
          ...targets(entity, RELATION_CONSUMED_BY),
        ],
        SERVICE_FIELDS,
      );
    default:
      return undefined;
  }
}

function displayName(item: { entityRef: string; entity?: Entity }): string {
  return (
    item.entity?.metadata.title ??
    item.entity?.metadata.name ??
    item.entityRef
  ).toLocaleLowerCase('en-US');
}

function byName<T extends { entityRef: string; entity?: Entity }>(
  a: T,
  b: T,
): number {
  return displayName(a).localeCompare(displayName(b));
}

function relatedService(ref: string, related: EntityLookup): RelatedService {
  const entity = related.get(ref);
  return {
    entityRef: ref,
    entity,
    ownerRefs: targets(entity, RELATION_OWNED_BY),
  };
}

function relatedServices(refs: string[], related: EntityLookup) {
  return unique(refs)
    .map(ref => relatedService(ref, related))
    .sort(byName);
}

function channelUsage(
  ref: string,
  related: EntityLookup,
  direction: 'produces' | 'consumes',
): ChannelUsage {
  const entity = related.get(ref);
  const counterparts = relatedServices(
    targets(
      entity,
      direction === 'produces' ? RELATION_CONSUMED_BY : RELATION_PRODUCED_BY,
    ),
    related,
  );
  let warning: ChannelWarning | undefined;
  if (!entity) {
    warning = 'not-in-catalog';
  } else if (counterparts.length === 0) {
    warning = direction === 'produces' ? 'no-consumer' : 'no-producer';
  }
  return {
    entityRef: ref,
    entity,
    type: stringField(entity, 'type'),
    brokerName: stringField(entity, 'topic'),
    counterparts,
    ...(warning ? { warning } : {}),
  };
}

function buildServiceModel(
  entity: Entity,
  related: EntityLookup,
): ServiceDataAndEvents {
  const self = stringifyEntityRef(entity);
  const { dependsOn, produces, consumes } = serviceResourceRefs(entity);

  const databases = dependsOn
    // A dependsOn Resource that is not in the catalog cannot be told apart
    // from a topic or a bucket, so it is only listed once known to be a database.
    .filter(ref => isDatabase(related.get(ref)))
    .map((ref): DatabaseUsage => {
      const database = related.get(ref);
      return {
        entityRef: ref,
        entity: database,
        engine: stringField(database, 'engine'),
        personalData: booleanField(database, 'personalData'),
        sharedWith: relatedServices(databaseUserRefs(database, self), related),
      };
    })
    .sort(byName);

  return {
    view: 'service',
    databases,
    produces: produces
      .map(ref => channelUsage(ref, related, 'produces'))
      .sort(byName),
    consumes: consumes
      .map(ref => channelUsage(ref, related, 'consumes'))
      .sort(byName),
  };
}

function buildDatabaseModel(
  entity: Entity,
  related: EntityLookup,
): DatabaseDataAndEvents {
  const users = relatedServices(databaseUserRefs(entity), related);
  return {
    view: 'database',
    engine: stringField(entity, 'engine'),
    personalData: booleanField(entity, 'personalData'),
    users,
    shared: users.length > 1,
  };
}

function buildChannelModel(
  entity: Entity,
  related: EntityLookup,
): ChannelDataAndEvents {
  const producers = relatedServices(
    targets(entity, RELATION_PRODUCED_BY),
    related,
  );
  const consumers = relatedServices(
    targets(entity, RELATION_CONSUMED_BY),
    related,
  );
  const warnings: ChannelDataAndEvents['warnings'] = [];
  if (producers.length === 0) {
    warnings.push('no-producer');
  }
  if (consumers.length === 0) {
    warnings.push('no-consumer');
  }
  return {
    view: 'channel',
    type: stringField(entity, 'type') ?? '',
    brokerName: stringField(entity, 'topic'),
    schemaRefs: targets(entity, RELATION_HAS_SCHEMA),
    producers,
    consumers,
    warnings,
  };
}

/**
 * What the card shows for the entity, or undefined for entities it does not
 * apply to. `related` holds the entities fetched as planned by
 * {@link planNextFetch}; anything missing from it is treated as not in the
 * catalog.
 */
export function buildDataAndEventsModel(
  entity: Entity,
  related: EntityLookup,
): DataAndEventsModel | undefined {
  switch (viewOf(entity)) {
    case 'service':
      return buildServiceModel(entity, related);
    case 'database':
      return buildDatabaseModel(entity, related);
    case 'channel':
      return buildChannelModel(entity, related);
    default:
      return undefined;
  }
}
