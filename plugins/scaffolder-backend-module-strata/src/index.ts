/**
 * Scaffolder backend module with Strata's template actions: `strata:catalog:validate`,
 * `strata:catalog:check-new-entity`, `strata:publish:local` and `strata:catalog:register-local`.
 *
 * @packageDocumentation
 */

export { scaffolderModuleStrata as default } from './module';
