/**
 * The On-call card on services: owner team and contacts, who is on call now, the escalation
 * chain and quick links, from the ownership lookup.
 *
 * @packageDocumentation
 */
export { ownershipPlugin as default } from './plugin';
export { ownershipApiRef, OwnershipClient } from './api';
export type { LookupResult, OwnershipApi } from './api';
export * from './extensions';
