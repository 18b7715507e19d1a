import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { parseAdminRefs } from './policy/admins';
import { StrataPermissionPolicy } from './policy/StrataPermissionPolicy';

/**
 * Strata's permission policy for the permission backend: platform admins from
 * `strata.permissions.admins`, owners act on their own entities, users see their own
 * scaffolder tasks, reads are open and other changes are for admins (see README.md).
 */
export const permissionModuleStrataPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'strata-policy',
  register(reg) {
    reg.registerInit({
      deps: {
        policy: policyExtensionPoint,
        config: coreServices.rootConfig,
        userInfo: coreServices.userInfo,
        logger: coreServices.logger,
      },
      async init({ policy, config, userInfo, logger }) {
        const admins = parseAdminRefs(
          config.getOptionalStringArray('strata.permissions.admins') ?? [],
        );
        if (admins.size === 0) {
          logger.warn(
            'strata.permissions.admins is empty: nobody may unregister locations or make other admin-only changes',
          );
        } else {
          logger.info(`Platform admins: ${[...admins].join(', ')}`);
        }
        policy.setPolicy(new StrataPermissionPolicy({ admins, userInfo }));
      },
    });
  },
});
