/*
 * The bodies of catalog-validation-backend's HTTP API and its client, generated from the spec
 * (plugins/catalog-validation-backend/src/schema/openapi.yaml → ./generated, by
 * `yarn openapi:generate`): the backend's router, the frontend plugin and the strata-catalog
 * CLI all use these, so a change to the spec that a caller does not follow fails to compile.
 *
 * The wire's Violation is looser than this package's own (`rule` is any string: a newer portal
 * may have rules an older CLI does not know); the generated one stays internal to ./generated.
 */
export { CatalogValidationApiClient } from './generated';
export type {
  CatalogFile as ValidateRequestFile,
  EntityConflict,
  EntityConflictList,
  ValidateRequest,
  ValidateResponse,
} from './generated';
