import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ExistingEntityLookup } from './generatedFilesValidation';

/**
 * Looks entity refs up in the catalog as the task's initiator, fetching only the fields that
 * identify an entity (the answer may be long for large files).
 */
export function catalogEntityLookup(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): ExistingEntityLookup {
  return async refs => {
    const { items } = await catalog.getEntitiesByRefs(
      {
        entityRefs: refs,
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    );
    return items
      .filter((e): e is Entity => Boolean(e))
      .map(e => stringifyEntityRef(e));
  };
}
