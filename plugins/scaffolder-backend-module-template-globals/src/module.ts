import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderTemplatingExtensionPoint } from '@backstage/plugin-scaffolder-node/alpha';
import { readOtlpEndpoint } from './config';

/**
 * Values Strata's templates read from app-config, offered as template globals (templates/README.md):
 * `strataOtlpEndpoint` from `strata.telemetry.otlpEndpoint`.
 *
 * @public
 */
export const scaffolderModuleTemplateGlobals = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'template-globals',
  register(env) {
    env.registerInit({
      deps: {
        templating: scaffolderTemplatingExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ templating, config }) {
        templating.addTemplateGlobals({
          strataOtlpEndpoint: readOtlpEndpoint(config),
        });
      },
    });
  },
});
