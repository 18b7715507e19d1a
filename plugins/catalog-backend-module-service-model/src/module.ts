import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { ServiceModelProcessor } from './ServiceModelProcessor';

/** Config key of strict mode (config.d.ts). */
export const STRICT_CONFIG_KEY = 'strata.serviceModel.strict';

/**
 * Catalog module adding Strata's service model (docs/catalog-model.md): validation of the
 * added fields as processing errors, and the produces/consumes/hasSchema relations. Missing
 * fields are only recommendations unless `strata.serviceModel.strict` is true.
 */
export const catalogModuleServiceModel = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'service-model',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ catalog, config }) {
        catalog.addProcessor(
          new ServiceModelProcessor({
            strict: config.getOptionalBoolean(STRICT_CONFIG_KEY) ?? false,
          }),
        );
      },
    });
  },
});
