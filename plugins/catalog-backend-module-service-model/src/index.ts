/**
 * Catalog backend module for Strata's service model (docs/catalog-model.md). The rules and
 * relations live in @internal/plugin-service-model-common; this package plugs them into the
 * catalog's processing.
 *
 * @packageDocumentation
 */

export { catalogModuleServiceModel as default } from './module';
export { ServiceModelProcessor } from './ServiceModelProcessor';
