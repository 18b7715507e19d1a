import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ReferenceLookup } from '../validation/validateFiles';

const BATCH_SIZE = 100;

/**
 * Looks references up in the catalog with the caller's credentials, so the
 * caller sees exactly the entities the catalog lets them see.
 */
export function catalogLookup(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): ReferenceLookup {
  return async refs => {
    const existing: string[] = [];
    for (let i = 0; i < refs.length; i += BATCH_SIZE) {
      const batch = refs.slice(i, i + BATCH_SIZE);
      let items: unknown[];
      try {
        ({ items } = await catalog.getEntitiesByRefs(
          {
            entityRefs: batch,
            fields: ['kind', 'metadata.namespace', 'metadata.name'],
          },
          { credentials },
        ));
      } catch (e) {
        throw new ServiceUnavailableError(
          'Cannot check references: the catalog did not answer',
          e,
        );
      }
      // The items answer the refs in order, undefined where none exists.
      batch.forEach((ref, index) => {
        if (items[index]) {
          existing.push(ref);
        }
      });
    }
    return existing;
  };
}
