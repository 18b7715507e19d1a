import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import permissionPlugin from '@backstage/plugin-permission-backend';
import strataPolicyModule from './index';

describe('permissionModuleStrataPolicy', () => {
  it('refuses to start with an admin entry that is not a user or group ref, naming it', async () => {
    await expect(
      startTestBackend({
        features: [
          permissionPlugin,
          strataPolicyModule,
          mockServices.rootConfig.factory({
            data: {
              permission: { enabled: true },
              strata: {
                permissions: { admins: ['group:default/platform', 'platform'] },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(
      "strata.permissions.admins[1]: 'platform' is not an entity ref",
    );
  });
});
