export { ownershipApiRef } from './OwnershipApi';
export type { LookupResult, OwnershipApi } from './OwnershipApi';
export { OwnershipClient } from './OwnershipClient';
