/**
 * Validates Backstage catalog files (catalog-info.yaml) the way the catalog
 * ingests them, reporting each problem at its line and column.
 *
 * Pure and isomorphic: no file system or network access.
 *
 * @packageDocumentation
 */

export {
  validateCatalogFile,
  validateCatalogFiles,
  validateCatalogFilesAsync,
  DEFAULT_SLICE_MS,
  summarize,
  withViolations,
} from './validate';
export type { ValidationOptions } from './validate';
export { DEFAULT_PARSE_LIMITS } from './yaml/limits';
export type { ParseLimits } from './yaml/limits';
export { collectEntityReferences } from './references';
export { rules } from './rules';
export type {
  EntityRule,
  RuleContext,
  RuleDefinition,
  RuleFinding,
} from './rules/types';
export { unsafeLinkRule } from './rules/unsafeLink';
export {
  isOpenSloLike,
  missingSloFileViolation,
  openSloViolation,
} from './rules/openSlo';
export {
  checkMissingReferences,
  externalReferences,
} from './rules/missingReference';
export { withMissingReferences } from './referenceCheck';
export type { ExistingEntityLookup } from './referenceCheck';
export { knownKinds } from './model/catalogModel';
export type { KnownKind } from './model/catalogModel';
export { CatalogValidationApiClient } from './api';
export type {
  EntityConflict,
  EntityConflictList,
  ValidateRequest,
  ValidateRequestFile,
  ValidateResponse,
} from './api';
export type {
  CatalogFileInput,
  CatalogValidationResult,
  EntityReference,
  FileValidationResult,
  LocatedEntityReference,
  PathSegment,
  RuleId,
  Severity,
  SourcePosition,
  ValidatedEntity,
  Violation,
} from './types';
