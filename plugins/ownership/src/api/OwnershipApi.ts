import { createApiRef } from '@backstage/frontend-plugin-api';
import type { OwnershipApiClient } from '@internal/plugin-ownership-common';

/**
 * The lookup's answer as the backend's generated client types it (derived from the client
 * rather than restated, so a change of the spec reaches the card at compile time).
 */
export type LookupResult = Awaited<ReturnType<OwnershipApiClient['lookup']>>;

/** Talks to the ownership backend (`/api/ownership`). Errors are `ResponseError`s. */
export interface OwnershipApi {
  /** Owner, on-call, escalation, SLO and last deploy of one entity. */
  lookupEntity(entityRef: string): Promise<LookupResult>;
}

/** `plugin.ownership.service`: the {@link OwnershipApi}. */
export const ownershipApiRef = createApiRef<OwnershipApi>({
  id: 'plugin.ownership.service',
});
