import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ServiceUnavailableError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ExistingEntityLookup } from '@internal/plugin-catalog-validation-common';

/** Refs per catalog request: long files reference many entities. */
const BATCH_SIZE = 100;

/**
 * The validator's reference check against the portal's catalog, with the caller's credentials
 * (the caller sees exactly the entities the catalog lets them see). Used by the validation
 * endpoint and by the scaffolder's `strata:catalog:validate`, so both answer "does the owner
 * exist?" the same way. Only identifying fields are fetched.
 */
export function catalogReferenceLookup(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): ExistingEntityLookup {
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
        if (items[index]) existing.push(ref);
      });
    }
    return existing;
  };
}
