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
  namespaceOf,
  specOf,
  tryNormalizeRef,
} from '@internal/plugin-service-model-common';

/**
 * Lower case as the catalog compares refs. `toLowerCase()` gives the same result as the
 * catalog's `toLocaleLowerCase('en-US')` (only Turkish, Azeri and Lithuanian differ from the
 * default mapping) at a fraction of the cost: with 50,000 relations the locale-aware call was
 * most of the evaluation's time.
 */
export const lower = (s: string) => s.toLowerCase();

const NONE: readonly string[] = Object.freeze([]);

/** The targets of one relation type from one entity; `sorted` is filled on first read. */
interface Targets {
  set: Set<string>;
  sorted?: string[];
}

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
  private readonly relations = new Map<string, Map<string, Targets>>();

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
    if (!targets) types.set(type, (targets = { set: new Set() }));
    targets.set.add(to);
  }

  /** Every entity, in the order given. */
  entities(): IterableIterator<Entity> {
    return this.byRef.values();
  }

  entity(ref: string): Entity | undefined {
    return this.byRef.get(ref);
  }

  /** Targets of `type` relations from `ref`, sorted. Shared: callers must not change it. */
  targets(ref: string, type: string): readonly string[] {
    const targets = this.relations.get(ref)?.get(type);
    if (!targets) return NONE;
    // Sorted once, on first read: rules ask for the same lists many times.
    if (!targets.sorted) targets.sorted = [...targets.set].sort();
    return targets.sorted;
  }

  has(from: string, type: string, to: string): boolean {
    return this.relations.get(from)?.get(type)?.set.has(to) ?? false;
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
    // Targets are normalised refs, so the kind is the text before the colon.
    const fromRelation = this.targets(ref, RELATION_PART_OF).find(target =>
      target.startsWith('system:'),
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
  providersOf(apiRef: string): readonly string[] {
    return this.targets(apiRef, RELATION_API_PROVIDED_BY);
  }

  consumedApis(ref: string): readonly string[] {
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

// One index per entity list: evaluateFindings, evaluateChecks and the three rollups of one
// evaluation read the same list, and indexing 200,000 relations is most of their work.
const indexes = new WeakMap<readonly Entity[], CatalogIndex>();

/**
 * The index of an entity list, built once per list. The list is treated as immutable: an
 * evaluation over a changed catalog passes a new array.
 */
export function indexFor(entities: readonly Entity[]): CatalogIndex {
  let index = indexes.get(entities);
  if (!index) {
    index = new CatalogIndex(entities);
    indexes.set(entities, index);
  }
  return index;
}
