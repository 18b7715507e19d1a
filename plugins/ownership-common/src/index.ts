/**
 * Ownership and on-call: the lookup keys, the rotation annotations, and the lookup API's types and
 * client (generated from plugins/ownership-backend/src/schema/openapi.yaml).
 *
 * @packageDocumentation
 */
export * from './annotations';
export * from './lookupKeys';

// The backend's API, generated from its spec (`yarn openapi:generate`).
export { OwnershipApiClient } from './generated';
export type {
  Contact,
  LastDeploy,
  LookupResult,
  OnCall,
  Owner,
  SloObjective,
  SloSummary,
} from './generated';
