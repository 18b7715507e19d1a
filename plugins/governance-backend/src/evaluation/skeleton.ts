import { Entity } from '@backstage/catalog-model';

// childOf (and a Group's spec.parent): scorecards by owner cover the groups below it.
const KEPT_RELATIONS = new Set(['ownedBy', 'partOf', 'childOf']);

/**
 * An entity reduced to what scorecards and rollups group by — kind, name, namespace, owner,
 * system, type, a group's parent and its ownedBy/partOf/childOf relations — so an evaluation can be stored with the
 * organisation it was computed over at a fraction of the catalog's size.
 */
export function skeletonOf(entity: Entity): Entity {
  const spec = entity.spec ?? {};
  return {
    apiVersion: entity.apiVersion,
    kind: entity.kind,
    metadata: {
      name: entity.metadata.name,
      namespace: entity.metadata.namespace ?? 'default',
    },
    spec: Object.fromEntries(
      ['owner', 'system', 'type', 'lifecycle', 'tier', 'parent']
        .filter(key => spec[key] !== undefined)
        .map(key => [key, spec[key]]),
    ),
    relations: (entity.relations ?? []).filter(r => KEPT_RELATIONS.has(r.type)),
  };
}
