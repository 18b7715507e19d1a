/**
 * Strata's service model (docs/catalog-model.md): the fields Strata adds to Backstage's
 * Component and Resource kinds, their validation rules and the relations they produce. Pure
 * TypeScript without I/O, shared by the catalog processor
 * (@internal/plugin-catalog-backend-module-service-model) and the `strata-catalog` CLI.
 *
 * @packageDocumentation
 */

export * from './constants';
export type {
  DataStoreSpecExtension,
  MessagingSpecExtension,
  ModelViolation,
  ServiceModelRelation,
  ServiceModelRule,
  ServiceSpecExtension,
} from './types';
export { serviceModelRules } from './rules';
export {
  validateServiceModel,
  formatModelViolation,
} from './validateServiceModel';
export { serviceModelRelations } from './serviceModelRelations';
