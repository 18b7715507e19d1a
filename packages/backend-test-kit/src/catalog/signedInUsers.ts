import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';

/**
 * The services that make `mockCredentials.user.header(ref)` act like a real sign-in for the
 * real permission backend:
 *
 * - the user info service answers each user's groups from `groups`, as the `ent` claim of a
 *   real sign-in token would carry them;
 * - the mock auth service, except that a plugin calling another plugin for a user sends a user
 *   token naming itself as the actor, as the real auth service's on-behalf-of tokens do. The
 *   permission backend relies on that actor: a user's own request for a resource permission
 *   must name the resource, a plugin's request for the user need not.
 */
export function signedInUsers(groups: Record<string, string[]>) {
  const userInfo = createServiceFactory({
    service: coreServices.userInfo,
    deps: {},
    factory: () => ({
      async getUserInfo(credentials) {
        const principal = credentials.principal as { userEntityRef?: string };
        if (!principal.userEntityRef) throw new Error('not a user');
        return {
          userEntityRef: principal.userEntityRef,
          ownershipEntityRefs: [
            principal.userEntityRef,
            ...(groups[principal.userEntityRef] ?? []),
          ],
        };
      },
    }),
  });

  const authWithActors = createServiceFactory({
    service: coreServices.auth,
    deps: { plugin: coreServices.pluginMetadata },
    factory({ plugin }) {
      const auth = mockServices.auth({ pluginId: plugin.getId() });
      const forward = auth.getPluginRequestToken.bind(auth);
      auth.getPluginRequestToken = async options => {
        const principal = options.onBehalfOf.principal as {
          type: string;
          userEntityRef?: string;
        };
        if (principal.type === 'user' && principal.userEntityRef) {
          return {
            token: mockCredentials.user.token(principal.userEntityRef, {
              actor: { subject: `plugin:${plugin.getId()}` },
            }),
          };
        }
        return forward(options);
      };
      return auth;
    },
  });

  return [userInfo, authWithActors];
}
