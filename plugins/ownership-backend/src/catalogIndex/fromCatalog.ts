/*
 * Entities the index has not reached yet. The index is rebuilt at most every refreshSeconds, so
 * an entity registered since is on its own page in the portal but not in the index; a lookup by
 * its ref reads it (and, when the index lacks them too, its owner and the owner's parents) from
 * the catalog with the plugin's own credentials, and answers with the same functions as for an
 * indexed entity.
 */
import { AuthService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { INDEX_FIELDS, INDEX_KINDS } from './CatalogIndexSource';
import { OwnershipIndex } from './OwnershipIndex';

/** Entities by (lower-case) ref; refs the catalog does not have are left out. */
export type ReadEntities = (refs: string[]) => Promise<Entity[]>;

/**
 * Reads by ref from the catalog with the plugin's own credentials: only the kinds and fields the
 * index keeps, so an entity answers the same before and after the index reaches it.
 */
export function catalogEntityReader(
  catalog: CatalogService,
  auth: AuthService,
): ReadEntities {
  return async refs => {
    const { items } = await catalog.getEntitiesByRefs(
      { entityRefs: refs, filter: { kind: INDEX_KINDS }, fields: INDEX_FIELDS },
      { credentials: await auth.getOwnServiceCredentials() },
    );
    return items.filter((e): e is Entity => Boolean(e));
  };
}

/** Owner, a parent of it, its parent…: more than any organisation nests. */
const MAX_ROUNDS = 12;

/**
 * `index` with the entity `ref` read from the catalog, plus its owner and the owner's parents
 * wherever the index lacks them (a team registered together with its first service); undefined
 * when the catalog does not have `ref` either.
 */
export async function withEntityFromCatalog(
  index: OwnershipIndex,
  ref: string,
  read: ReadEntities,
): Promise<OwnershipIndex | undefined> {
  const [entity] = await read([ref]);
  if (!entity) return undefined;
  const fetched = [entity];
  const asked = new Set([ref]);
  let view = index.withEntities(fetched);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const missing = missingRefs(view, entity, asked);
    if (missing.length === 0) break;
    missing.forEach(r => asked.add(r));
    const more = await read(missing);
    if (more.length === 0) break;
    fetched.push(...more);
    view = index.withEntities(fetched);
  }
  return view;
}

/**
 * The refs the lookup will read that `view` lacks and were not asked for yet — the owner and its
 * escalation chain, found by the same functions the lookup uses.
 */
function missingRefs(
  view: OwnershipIndex,
  entity: Entity,
  asked: Set<string>,
): string[] {
  const ownerRef = view.responsibleRef(entity);
  return [...new Set([ownerRef, ...view.chain(ownerRef)])].filter(
    (r): r is string => Boolean(r) && !view.entity(r!) && !asked.has(r!),
  );
}
