import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { catalogReadCredentials } from '@internal/backend-http-kit';
import {
  Entity,
  RELATION_OWNED_BY,
  RELATION_PARENT_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';

const refOf = (entity: Entity) =>
  stringifyEntityRef(entity).toLocaleLowerCase('en-US');

/** How deep a group tree is followed (a guard against a cycle in bad data). */
const MAX_GROUP_DEPTH = 10;

/**
 * The catalog questions the read routes ask, with the caller's credentials: a user who may not
 * see an entity gets the same 404 as for one that does not exist. A machine caller's questions
 * are asked with the plugin's own credentials (catalogReadCredentials).
 */
export class CatalogScope {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  /** The entity, or a 404 naming the ref that was looked up. */
  async entity(
    entityRef: string,
    caller: BackstageCredentials,
  ): Promise<Entity> {
    const credentials = await catalogReadCredentials(this.auth, caller);
    const entity = await this.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!entity) {
      throw new NotFoundError(`No entity ${entityRef} in the catalog`);
    }
    return entity;
  }

  /**
   * The Components a group owns, and those its child groups own, recursively: a department's
   * figures are those of its teams (docs/deployments.md). Sorted refs, lower case.
   */
  async servicesOwnedBy(
    groupRef: string,
    caller: BackstageCredentials,
  ): Promise<string[]> {
    const credentials = await catalogReadCredentials(this.auth, caller);
    const root = await this.catalog.getEntityByRef(groupRef, { credentials });
    if (!root || root.kind.toLocaleLowerCase('en-US') !== 'group') {
      throw new NotFoundError(`No group ${groupRef} in the catalog`);
    }
    const groups = new Set<string>([refOf(root)]);
    let level: Entity[] = [root];
    for (let depth = 0; depth < MAX_GROUP_DEPTH && level.length; depth++) {
      const children = level
        .flatMap(g => g.relations ?? [])
        .filter(r => r.type === RELATION_PARENT_OF)
        .map(r => r.targetRef.toLocaleLowerCase('en-US'))
        .filter(ref => !groups.has(ref));
      children.forEach(ref => groups.add(ref));
      if (!children.length) break;
      const { items } = await this.catalog.getEntitiesByRefs(
        { entityRefs: children, fields: ['kind', 'metadata', 'relations'] },
        { credentials },
      );
      level = items.filter((e): e is Entity => Boolean(e));
    }
    const { items } = await this.catalog.getEntities(
      {
        filter: {
          kind: 'component',
          [`relations.${RELATION_OWNED_BY}`]: [...groups],
        },
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      },
      { credentials },
    );
    return [...new Set(items.map(refOf))].sort();
  }
}
