import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogReadCredentials } from './catalogReadCredentials';

describe('catalogReadCredentials', () => {
  const auth = mockServices.auth({ pluginId: 'deployments' });

  it('keeps a user’s own credentials, so they read only what they may see', async () => {
    const user = mockCredentials.user('user:default/jane');
    await expect(catalogReadCredentials(auth, user)).resolves.toBe(user);
  });

  it('reads as the plugin itself for a machine caller, which may not be delegated', async () => {
    const machine = mockCredentials.service('external:strata-machine');
    const used = await catalogReadCredentials(auth, machine);
    expect(used.principal).toEqual(
      expect.objectContaining({
        type: 'service',
        subject: 'plugin:deployments',
      }),
    );
  });
});
