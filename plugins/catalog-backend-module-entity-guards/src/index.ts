/**
 * Catalog backend module that refuses oversized entities and unsafe links
 * (`javascript:`, `data:`, `vbscript:`) as processing errors. The link rule is the validator's
 * own (`@internal/plugin-catalog-validation-common`).
 *
 * @packageDocumentation
 */

export { catalogModuleEntityGuards as default } from './module';
export {
  DEFAULT_MAX_ENTITY_BYTES,
  EntityGuardsProcessor,
  MAX_ENTITY_BYTES_KEY,
} from './EntityGuardsProcessor';
