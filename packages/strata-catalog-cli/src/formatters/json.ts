import { CatalogValidationResult } from '@internal/plugin-catalog-validation-common';

/** `{ files, entities, errors, warnings, violations }` as JSON. */
export function formatJson(result: CatalogValidationResult): string {
  return JSON.stringify(
    {
      files: result.files.length,
      entities: result.entities.length,
      errors: result.errors,
      warnings: result.warnings,
      violations: result.violations,
    },
    null,
    2,
  );
}
