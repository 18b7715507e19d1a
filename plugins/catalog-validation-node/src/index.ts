/**
 * Backend helpers for catalog validation.
 *
 * @packageDocumentation
 */
export { catalogReferenceLookup } from './catalogReferenceLookup';
