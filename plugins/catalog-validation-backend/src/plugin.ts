import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { createRouter } from './service/router';

/**
 * Validates catalog files over HTTP with the rules of the `strata-catalog`
 * CLI: `POST /api/catalog-validation/validate`. Users and services may call
 * it; it keeps Backstage's default policy (authentication required).
 *
 * @public
 */
export const catalogValidationPlugin = createBackendPlugin({
  pluginId: 'catalog-validation',
  register(env) {
    env.registerInit({
      deps: {
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        logger: coreServices.logger,
        catalog: catalogServiceRef,
      },
      async init({ httpRouter, httpAuth, logger, catalog }) {
        httpRouter.use(await createRouter({ httpAuth, logger, catalog }));
      },
    });
  },
});
