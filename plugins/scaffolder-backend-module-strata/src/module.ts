import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { scaffolderTemplatingExtensionPoint } from '@backstage/plugin-scaffolder-node/alpha';
import { createProposeProducesAction } from './actions/events';
import { readOtlpEndpoint } from './config';

/**
 * Strata's scaffolder actions. Each action gets only what it needs: the catalog (read with the
 * initiator's credentials, so users see and register what they may) and the directory of local
 * repositories; the event and strangler actions also read and write through other plugins.
 *
 * @public
 */
export const scaffolderModuleStrata = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'strata',
  register(env) {
    env.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        templating: scaffolderTemplatingExtensionPoint,
        catalog: catalogServiceRef,
        config: coreServices.rootConfig,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
      },
      async init(deps) {
        const { scaffolder, catalog, config, auth, discovery } = deps;
        // Values the templates read from config (templates/README.md).
        deps.templating.addTemplateGlobals({
          strataOtlpEndpoint: readOtlpEndpoint(config),
        });
        scaffolder.addActions(
          createProposeProducesAction({ auth, discovery, catalog }),
        );
      },
    });
  },
});
