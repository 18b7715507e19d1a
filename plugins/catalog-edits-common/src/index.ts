/**
 * Catalog edits through Git: the permission to propose an edit, the request
 * and response types of the catalog-edits backend and its generated client,
 * and pure edits of catalog-info.yaml text that change only the bytes they
 * must.
 *
 * @packageDocumentation
 */

export {
  catalogEntityProposeEditPermission,
  catalogEditsPermissions,
} from './permissions';
export type {
  CatalogEdit,
  CatalogEditType,
  CatalogEditProposal,
  ProposeEditRequest,
  SetSpecFieldEdit,
} from './types';
// The backend's API, generated from its spec (`yarn openapi:generate`).
export { CatalogEditsApiClient } from './generated';
export type { ProposalList, ProposeEditResponse } from './generated';
export {
  isSpecFieldPath,
  SPEC_FIELD_PATHS,
  SPEC_FIELDS,
  specFieldValueFromText,
} from './specFields';
export type {
  SpecFieldDescription,
  SpecFieldPath,
  SpecFieldValues,
} from './specFields';
export { CatalogEditError } from './errors';
export type { CatalogEditErrorCode } from './errors';
export {
  addConsumes,
  addDependsOn,
  addProduces,
  applyCatalogEdit,
  setOwner,
  setSpecField,
} from './edits';
