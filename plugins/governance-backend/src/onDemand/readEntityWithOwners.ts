/*
 * What checks read about one entity besides the entity itself: its owner (ownerExists, owner.*
 * paths) and the groups above the owner (onCall walks up childOf to the nearest rotation). Read
 * from the catalog by ref, with the plugin's own credentials like the evaluation's catalog read.
 */
import { AuthService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { parentOf } from '../service/groupTree';
import { ownerOf } from '../service/views';

/** Entities by lower-case ref; refs the catalog does not have are left out. */
export type ReadEntities = (refs: string[]) => Promise<Entity[]>;

export function catalogEntityReader(
  catalog: CatalogService,
  auth: AuthService,
): ReadEntities {
  return async refs => {
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: refs },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    return items.filter((e): e is Entity => Boolean(e));
  };
}

/** Owner, its parent, that one's parent…: more than any organisation nests. */
const MAX_DEPTH = 12;

/**
 * The entity `ref`, its owner and the groups above the owner, as far as the catalog has them;
 * undefined when the catalog does not have `ref`. A parent cycle stops at a group already read.
 */
export async function readEntityWithOwners(
  ref: string,
  read: ReadEntities,
): Promise<Entity[] | undefined> {
  const [entity] = await read([ref]);
  if (!entity) return undefined;
  const entities = [entity];
  const seen = new Set([ref]);
  let next = ownerOf(entity);
  while (next && !seen.has(next) && seen.size <= MAX_DEPTH) {
    seen.add(next);
    const [found] = await read([next]);
    if (!found) break;
    entities.push(found);
    next =
      found.kind.toLocaleLowerCase('en-US') === 'group'
        ? parentOf(found)
        : undefined;
  }
  return entities;
}
