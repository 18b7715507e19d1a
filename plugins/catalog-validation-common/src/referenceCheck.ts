import {
  checkMissingReferences,
  externalReferences,
} from './rules/missingReference';
import { CatalogValidationResult } from './types';
import { withViolations } from './validate';

/** Which of the given normalised entity refs exist (e.g. in the portal's catalog). */
export type ExistingEntityLookup = (
  refs: string[],
) => Promise<Iterable<string>>;

/**
 * Adds a missing-reference violation at every reference to an entity that the validated files
 * do not declare and `lookUp` does not find. One place for the backend endpoint and the
 * scaffolder's validate action, so both answer "does the owner exist?" the same way.
 */
export async function withMissingReferences(
  result: CatalogValidationResult,
  lookUp: ExistingEntityLookup,
): Promise<CatalogValidationResult> {
  const refs = externalReferences(result.entities);
  const existing = refs.length > 0 ? await lookUp(refs) : [];
  return withViolations(
    result,
    checkMissingReferences(result.entities, existing),
  );
}
