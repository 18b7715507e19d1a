import { Entity, stringifyEntityRef } from '@backstage/catalog-model';

/** A Group's parent: the childOf relation the catalog stitched, else spec.parent as written. */
export function parentOf(group: Entity): string | undefined {
  const relation = group.relations?.find(r => r.type === 'childOf');
  if (relation) return relation.targetRef.toLocaleLowerCase('en-US');
  const parent = group.spec?.parent;
  if (typeof parent !== 'string' || parent === '') return undefined;
  return (
    parent.includes(':')
      ? parent
      : `group:${group.metadata.namespace ?? 'default'}/${parent}`
  ).toLocaleLowerCase('en-US');
}

/**
 * A group and every group below it (children, their children, …), as lower-case refs: what
 * "owned by engineering" means on the Governance page's organisation → team drill-down. A
 * parent cycle in the catalog (a → b → a) ends at the groups already seen.
 */
export function groupAndDescendants(
  entities: Entity[],
  groupRef: string,
): Set<string> {
  const children = new Map<string, string[]>();
  for (const entity of entities) {
    if (entity.kind.toLocaleLowerCase('en-US') !== 'group') continue;
    const parent = parentOf(entity);
    if (!parent) continue;
    const list = children.get(parent) ?? [];
    list.push(stringifyEntityRef(entity).toLocaleLowerCase('en-US'));
    children.set(parent, list);
  }
  const seen = new Set([groupRef]);
  const queue = [groupRef];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift()!) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      queue.push(child);
    }
  }
  return seen;
}
