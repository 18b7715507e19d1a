import { createBackendModule } from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { ServiceModelProcessor } from './ServiceModelProcessor';

/**
 * Catalog module adding Strata's service model (docs/catalog-model.md): validation of the
 * added fields as processing errors, and the produces/consumes/hasSchema relations.
 */
export const catalogModuleServiceModel = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'service-model',
  register(reg) {
    reg.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addProcessor(new ServiceModelProcessor());
      },
    });
  },
});
