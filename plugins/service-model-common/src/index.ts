/**
 * Strata's service model (docs/catalog-model.md): the fields Strata adds to Backstage's
 * Component and Resource kinds, their validation rules and the relations they produce, and the
 * one set of entity helpers (`normalizeRef`, `specOf`, `isService`, ...) every package uses. Pure
 * TypeScript without I/O, shared by the catalog processor
 * (@internal/plugin-catalog-backend-module-service-model) and the `strata-catalog` CLI.
 *
 * @packageDocumentation
 */

export * from './constants';
export * from './annotations';
export type {
  DataStoreSpecExtension,
  MessagingSpecExtension,
  ModelRecommendation,
  ModelViolation,
  ServiceModelRelation,
  ServiceModelRule,
  ServiceSpecExtension,
  ValidateServiceModelOptions,
} from './types';
export { serviceModelRules } from './rules';
export {
  validateServiceModel,
  modelRecommendations,
  recommendationAsViolation,
  formatModelViolation,
} from './validateServiceModel';
export { serviceModelRelations } from './serviceModelRelations';
export {
  specOf,
  namespaceOf,
  isComponent,
  isService,
  isDatabase,
  isTopicOrQueue,
} from './entity';
export { normalizeRef, tryNormalizeRef, kindOfRef } from './entityRefs';
export type { RefContext } from './entityRefs';
export {
  serviceNameProblem,
  SERVICE_NAME_MAX_LENGTH,
  SERVICE_NAME_MIN_LENGTH,
} from './serviceName';
