import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { OnCallProvider } from './OnCallProvider';

/**
 * Lets a backend module (pluginId `ownership`) add an on-call provider that is asked before the
 * catalog's rotation annotations (the default, always last).
 *
 * @public
 */
export interface OwnershipOnCallProvidersExtensionPoint {
  addOnCallProvider(provider: OnCallProvider): void;
}

/** @public */
export const ownershipOnCallProvidersExtensionPoint =
  createExtensionPoint<OwnershipOnCallProvidersExtensionPoint>({
    id: 'ownership.oncall-providers',
  });
