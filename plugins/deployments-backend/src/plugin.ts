import { createBackendPlugin } from '@backstage/backend-plugin-api';

/** Deployments: wired up as its parts land (watch cache, history, DORA). */
export const deploymentsPlugin = createBackendPlugin({
  pluginId: 'deployments',
  register(env) {
    env.registerInit({ deps: {}, async init() {} });
  },
});
