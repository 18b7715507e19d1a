/**
 * Node library for ownership: the on-call provider seam and its extension point.
 *
 * @packageDocumentation
 */
export type {
  OnCallAnswer,
  OnCallProvider,
  OnCallRequest,
} from './OnCallProvider';
export {
  ownershipOnCallProvidersExtensionPoint,
  type OwnershipOnCallProvidersExtensionPoint,
} from './extensions';
