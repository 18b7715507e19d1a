import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import {
  DEFAULT_MAX_ENTITY_BYTES,
  EntityGuardsProcessor,
  MAX_ENTITY_BYTES_KEY,
} from './EntityGuardsProcessor';

/** Reads `strata.catalog.maxEntityBytes`, refusing values that would disable the guard. */
export function readMaxEntityBytes(config: {
  getOptionalNumber(key: string): number | undefined;
}): number {
  const value = config.getOptionalNumber(MAX_ENTITY_BYTES_KEY);
  if (value === undefined) {
    return DEFAULT_MAX_ENTITY_BYTES;
  }
  if (!Number.isInteger(value) || value < 1024) {
    throw new Error(
      `${MAX_ENTITY_BYTES_KEY} must be a whole number of bytes, at least 1024; got ${value}`,
    );
  }
  return value;
}

/**
 * Catalog module refusing oversized entities and unsafe links as processing errors
 * (see EntityGuardsProcessor).
 */
export const catalogModuleEntityGuards = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'entity-guards',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ catalog, config }) {
        catalog.addProcessor(
          new EntityGuardsProcessor({
            maxEntityBytes: readMaxEntityBytes(config),
          }),
        );
      },
    });
  },
});
