import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';

/**
 * The credentials to read the catalog with on a caller's behalf.
 *
 * A user reads with their own: they get their permission-filtered view, and an entity they may
 * not see is the same 404 as one that does not exist. A service principal — a machine token
 * (`./strata token`, CI, CD systems) or another plugin — reads with this plugin's own
 * credentials: Backstage refuses to delegate an external token restricted to some plugins to the
 * catalog ("Access to target plugin 'catalog' is restricted and cannot be delegated"), and such
 * a caller only learns what the plugin's own answer contains.
 */
export async function catalogReadCredentials(
  auth: AuthService,
  credentials: BackstageCredentials,
): Promise<BackstageCredentials> {
  return auth.isPrincipal(credentials, 'service')
    ? auth.getOwnServiceCredentials()
    : credentials;
}
