import {
  ExistingEntityLookup,
  ValidateRequest,
  ValidateResponse,
  validateCatalogFilesAsync,
  Violation,
  withMissingReferences,
} from '@internal/plugin-catalog-validation-common';

/** Only the fields the API declares (its schema allows no others). */
function toViolation(v: Violation): Violation {
  return {
    file: v.file,
    line: v.line,
    column: v.column,
    rule: v.rule,
    severity: v.severity,
    message: v.message,
    hint: v.hint,
    ...(v.entityRef !== undefined && { entityRef: v.entityRef }),
  };
}

/**
 * Validates the files of a request together, as the CLI does (with the
 * library's parse limits: a file too deep or with too many aliases gets a
 * `parse-limit` violation); with `strict`, missing fields of Strata's
 * service model are errors instead of warnings; with
 * `lookUp`, references to entities the files do not declare are looked up
 * and each missing one is a `missing-reference` violation.
 */
export async function validateFiles(
  request: ValidateRequest,
  lookUp?: ExistingEntityLookup,
): Promise<ValidateResponse> {
  // In slices between documents: the event loop keeps answering other
  // requests (health checks) while a large request is validated.
  let result = await validateCatalogFilesAsync(
    request.files.map(file => ({ path: file.path, text: file.content })),
    { strict: request.strict ?? false },
  );
  if (lookUp) {
    result = await withMissingReferences(result, lookUp);
  }
  return {
    files: result.files.length,
    entities: result.entities.length,
    errors: result.errors,
    warnings: result.warnings,
    violations: result.violations.map(toViolation),
  };
}
