import {
  CatalogFileInput,
  ExistingEntityLookup,
  validateCatalogFiles,
  Violation,
  withMissingReferences,
} from '@internal/plugin-catalog-validation-common';

export type { ExistingEntityLookup };

/** What the generated catalog files hold, and what is wrong with them. */
export type GeneratedFilesReport = {
  files: number;
  entities: number;
  errors: Violation[];
  warnings: Violation[];
};

/**
 * Validates generated catalog files with the portal's rules (the same library the CLI and
 * POST /api/catalog-validation/validate use). With `lookUp`, every reference the files do not
 * satisfy themselves must exist in the catalog: a template that points a new service at an
 * owner or topic that is not there would otherwise produce an entity with dangling relations.
 */
export async function validateGeneratedFiles(
  files: CatalogFileInput[],
  lookUp?: ExistingEntityLookup,
): Promise<GeneratedFilesReport> {
  let result = validateCatalogFiles(files);
  if (lookUp) {
    result = await withMissingReferences(result, lookUp);
  }
  return {
    files: result.files.length,
    entities: result.entities.length,
    errors: result.violations.filter(v => v.severity === 'error'),
    warnings: result.violations.filter(v => v.severity === 'warning'),
  };
}

/** One violation as one line: `file:line:column message (hint)`. */
export function formatViolation(violation: Violation): string {
  const { file, line, column, message, hint } = violation;
  return `${file}:${line}:${column} ${message} (${hint})`;
}
