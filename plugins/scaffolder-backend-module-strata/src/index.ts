/**
 * Scaffolder backend module with Strata's template actions: `strata:catalog:validate`,
 * `strata:catalog:check-new-entity`, `strata:publish:local` and `strata:catalog:register-local`.
 *
 * @packageDocumentation
 */

export { scaffolderModuleStrata as default } from './module';
export {
  serviceNameProblem,
  SERVICE_NAME_MAX_LENGTH,
  SERVICE_NAME_MIN_LENGTH,
} from './serviceName';
