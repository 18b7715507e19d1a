import {
  Entity,
  RELATION_API_PROVIDED_BY,
  RELATION_CONSUMES_API,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_OWNED_BY,
  RELATION_PART_OF,
  RELATION_PROVIDES_API,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  RELATION_CONSUMED_BY,
  RELATION_CONSUMES,
  RELATION_PRODUCED_BY,
  RELATION_PRODUCES,
  kindOfRef,
  namespaceOf,
  specOf,
  tryNormalizeRef,
} from '@internal/plugin-service-model-common';

const lower = (s: string) => s.toLocaleLowerCase('en-US');

/** Relations stored in both directions, so either side of the catalog's pair finds the other. */
const REVERSE: Record<string, string> = {
  [RELATION_DEPENDS_ON]: RELATION_DEPENDENCY_OF,
  [RELATION_DEPENDENCY_OF]: RELATION_DEPENDS_ON,
  [RELATION_PROVIDES_API]: RELATION_API_PROVIDED_BY,
  [RELATION_API_PROVIDED_BY]: RELATION_PROVIDES_API,
  [RELATION_PRODUCES]: RELATION_PRODUCED_BY,
  [RELATION_PRODUCED_BY]: RELATION_PRODUCES,
  [RELATION_CONSUMES]: RELATION_CONSUMED_BY,
  [RELATION_CONSUMED_BY]: RELATION_CONSUMES,
};

/**
 * The catalog indexed once for every rule: entities by lower-case ref, relations by source and
 * type in both directions (the catalog serves each pair on both entities; an entity list that
 * carries only one side still answers both), owners and systems. Building it is linear in
 * entities + relations; every lookup is a map read, so the rules stay near-linear.
 */
export class CatalogIndex {
  private readonly byRef = new Map<string, Entity>();
  private readonly relations = new Map<string, Map<string, Set<string>>>();

  constructor(entities: readonly Entity[]) {
    for (const entity of entities) {
      this.byRef.set(refOf(entity), entity);
    }
    for (const entity of entities) {
      const ref = refOf(entity);
      for (const relation of entity.relations ?? []) {
        const target = lower(relation.targetRef);
        this.add(ref, relation.type, target);
        const reverse = REVERSE[relation.type];
        if (reverse) this.add(target, reverse, ref);
      }
    }
  }

  private add(from: string, type: string, to: string) {
    let types = this.relations.get(from);
    if (!types) this.relations.set(from, (types = new Map()));
    let targets = types.get(type);
    if (!targets) types.set(type, (targets = new Set()));
    targets.add(to);
  }

  /** Every entity, in the order given. */
  entities(): IterableIterator<Entity> {
    return this.byRef.values();
  }

  entity(ref: string): Entity | undefined {
    return this.byRef.get(ref);
  }

  /** Targets of `type` relations from `ref`, sorted. */
  targets(ref: string, type: string): string[] {
    return [...(this.relations.get(ref)?.get(type) ?? [])].sort();
  }

  has(from: string, type: string, to: string): boolean {
    return this.relations.get(from)?.get(type)?.has(to) ?? false;
  }

  /** The owner ref: the ownedBy relation, else spec.owner resolved like the catalog does. */
  ownerOf(ref: string): string | undefined {
    const [related] = this.targets(ref, RELATION_OWNED_BY);
    if (related) return related;
    const entity = this.byRef.get(ref);
    const owner = specOf(entity).owner;
    return entity && typeof owner === 'string'
      ? tryNormalizeRef(owner, {
          defaultKind: 'group',
          defaultNamespace: namespaceOf(entity),
        })
      : undefined;
  }

  /** The system ref the entity is part of, if any. */
  systemOf(ref: string): string | undefined {
    const fromRelation = this.targets(ref, RELATION_PART_OF).find(
      target => kindOfRef(target) === 'system',
    );
    if (fromRelation) return fromRelation;
    const entity = this.byRef.get(ref);
    const system = specOf(entity).system;
    return entity && typeof system === 'string'
      ? tryNormalizeRef(system, {
          defaultKind: 'system',
          defaultNamespace: namespaceOf(entity),
        })
      : undefined;
  }

  /** Services (or any components) that provide the API. */
  providersOf(apiRef: string): string[] {
    return this.targets(apiRef, RELATION_API_PROVIDED_BY);
  }

  consumedApis(ref: string): string[] {
    return this.targets(ref, RELATION_CONSUMES_API);
  }
}

/** The canonical lower-case ref of an entity. */
export function refOf(entity: Entity): string {
  return lower(stringifyEntityRef(entity));
}

/** How an entity is named in a message: its name, with the namespace when not `default`. */
export function displayName(ref: string): string {
  // Telemetry's names for what the catalog lacks (otel:…, db:…, topic:…) stay as they are.
  if (/^(otel|db|topic):/.test(ref) || !/^[^:/]+:[^/]+\/.+$/.test(ref)) return ref;
  const slash = ref.indexOf('/');
  const namespace = ref.slice(ref.indexOf(':') + 1, slash);
  const name = ref.slice(slash + 1);
  return namespace === 'default' ? name : `${namespace}/${name}`;
}

/** "a", "a and b", "a, b and c". */
export function listNames(refs: readonly string[]): string {
  const names = refs.map(displayName);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
