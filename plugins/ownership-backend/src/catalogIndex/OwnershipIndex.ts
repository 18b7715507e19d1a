/*
 * The catalog, indexed once per rebuild for every lookup key, so a lookup is a few map hits: no
 * catalog query per request. Pure: built from the entities the catalog served.
 */
import {
  ANNOTATION_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  Entity,
  RELATION_CHILD_OF,
  RELATION_MEMBER_OF,
  RELATION_OWNED_BY,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  ANNOTATION_GITHUB_PROJECT_SLUG,
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBERNETES_NAMESPACE,
  ANNOTATION_OTEL_SERVICE_NAME,
} from '@internal/plugin-service-model-common';
import { normalizeRepository } from './normalizeRepository';

/** Where a lookup key points: entity refs, several when the key is ambiguous. */
type Multimap = Map<string, string[]>;

function add(map: Multimap, key: string | undefined, ref: string) {
  if (!key) return;
  const refs = map.get(key);
  if (!refs) map.set(key, [ref]);
  else if (!refs.includes(ref)) refs.push(ref);
}

const lower = (text: string) => text.toLocaleLowerCase('en-US');

export const TOPIC_TYPES = ['kafka-topic', 'rabbitmq-queue'];

export class OwnershipIndex {
  readonly byRef = new Map<string, Entity>();
  /** Entities read from the catalog after the build (see {@link OwnershipIndex.withEntities}). */
  private added?: Map<string, Entity>;
  /** strata.dev/otel-service-name of Components. */
  readonly byOtelAnnotation: Multimap = new Map();
  /** Component names (the OTel service name when the annotation is absent). */
  readonly byComponentName: Multimap = new Map();
  /** `<kubernetes-id or name>` → Components, with the namespace they are pinned to, if any. */
  readonly byKubernetesId: Multimap = new Map();
  readonly byRepository: Multimap = new Map();
  /** spec.topic (else the name) of topic and queue Resources. */
  readonly byTopic: Multimap = new Map();
  readonly byDatabase: Multimap = new Map();
  readonly namespaces: string[];

  private constructor(entities: Entity[], readonly builtAt: Date) {
    const namespaces = new Set<string>();
    for (const entity of entities) {
      const ref = lower(stringifyEntityRef(entity));
      this.byRef.set(ref, entity);
      namespaces.add(entity.metadata.namespace ?? 'default');
      this.indexKeys(entity, ref);
    }
    this.namespaces = [...namespaces].sort();
  }

  static build(entities: Entity[], builtAt = new Date()): OwnershipIndex {
    return new OwnershipIndex(entities, builtAt);
  }

  get size(): number {
    return this.byRef.size;
  }

  private indexKeys(entity: Entity, ref: string) {
    const annotations = entity.metadata.annotations ?? {};
    const kind = lower(entity.kind);
    const type = String(entity.spec?.type ?? '');
    if (kind === 'component') {
      add(
        this.byOtelAnnotation,
        annotations[ANNOTATION_OTEL_SERVICE_NAME]?.trim(),
        ref,
      );
      add(this.byComponentName, lower(entity.metadata.name), ref);
      const id =
        annotations[ANNOTATION_KUBERNETES_ID]?.trim() || entity.metadata.name;
      add(this.byKubernetesId, id, ref);
    }
    for (const location of [
      annotations[ANNOTATION_SOURCE_LOCATION],
      annotations[ANNOTATION_LOCATION],
      annotations[ANNOTATION_GITHUB_PROJECT_SLUG],
    ]) {
      if (location) add(this.byRepository, normalizeRepository(location), ref);
    }
    if (kind === 'resource' && TOPIC_TYPES.includes(type)) {
      const topic =
        typeof entity.spec?.topic === 'string' ? entity.spec.topic : '';
      add(this.byTopic, topic.trim() || entity.metadata.name, ref);
    }
    if (kind === 'resource' && type === 'database') {
      add(this.byDatabase, lower(entity.metadata.name), ref);
    }
  }

  entity(ref: string): Entity | undefined {
    const key = lower(ref);
    return this.byRef.get(key) ?? this.added?.get(key);
  }

  /**
   * This index with `entities` added for lookups by ref — entities the catalog has and this
   * build has not reached yet (registered since). The key maps stay this build's; the index
   * itself is not changed (a view, sharing its maps).
   */
  withEntities(entities: Entity[]): OwnershipIndex {
    const view: OwnershipIndex = Object.assign(
      Object.create(OwnershipIndex.prototype),
      this,
    );
    view.added = new Map(
      entities.map(entity => [lower(stringifyEntityRef(entity)), entity]),
    );
    return view;
  }

  /** The owner a lookup answers with: a team (or person) owns itself, anything else its owner. */
  responsibleRef(entity: Entity): string | undefined {
    return ['group', 'user'].includes(lower(entity.kind))
      ? lower(stringifyEntityRef(entity))
      : this.ownerRef(entity);
  }

  /** The namespace a Component's workloads are pinned to (backstage.io/kubernetes-namespace). */
  kubernetesNamespace(ref: string): string | undefined {
    return (
      this.entity(ref)?.metadata.annotations?.[
        ANNOTATION_KUBERNETES_NAMESPACE
      ]?.trim() || undefined
    );
  }

  /** The owner's ref: the catalog's ownedBy relation, else spec.owner resolved like the catalog does. */
  ownerRef(entity: Entity): string | undefined {
    const related = entity.relations?.find(r => r.type === RELATION_OWNED_BY);
    if (related) return lower(related.targetRef);
    const owner = entity.spec?.owner;
    if (typeof owner !== 'string' || !owner) return undefined;
    try {
      return lower(
        stringifyEntityRef(
          parseEntityRef(owner, {
            defaultKind: 'group',
            defaultNamespace: entity.metadata.namespace ?? 'default',
          }),
        ),
      );
    } catch {
      return undefined;
    }
  }

  /**
   * The groups to escalate to: the owning group and its parents up to the root. A User owner
   * escalates through the first group it is a member of. Stops at a cycle or a missing parent.
   */
  chain(ownerRef: string | undefined): string[] {
    if (!ownerRef) return [];
    let current: string | undefined = ownerRef;
    const owner = this.entity(ownerRef);
    if (owner && lower(owner.kind) === 'user') {
      current = this.groupsOf(owner)[0];
    } else if (!ownerRef.startsWith('group:')) {
      return [];
    }
    const chain: string[] = [];
    while (current && !chain.includes(current)) {
      chain.push(current);
      const group = this.entity(current);
      current = group ? this.parentRef(group) : undefined;
    }
    return chain;
  }

  private groupsOf(user: Entity): string[] {
    return (user.relations ?? [])
      .filter(r => r.type === RELATION_MEMBER_OF)
      .map(r => lower(r.targetRef));
  }

  private parentRef(group: Entity): string | undefined {
    const related = group.relations?.find(r => r.type === RELATION_CHILD_OF);
    if (related) return lower(related.targetRef);
    const parent = group.spec?.parent;
    if (typeof parent !== 'string' || !parent) return undefined;
    try {
      return lower(
        stringifyEntityRef(
          parseEntityRef(parent, {
            defaultKind: 'group',
            defaultNamespace: group.metadata.namespace ?? 'default',
          }),
        ),
      );
    } catch {
      return undefined;
    }
  }
}
