/**
 * Scaffolder module for repositories kept on this Strata's disk: `strata:publish:local`,
 * `strata:catalog:register-local`, `strata:publish:local-branch` and `strata:fetch:local-file`.
 *
 * @packageDocumentation
 */

export { scaffolderModuleLocalRepositories as default } from './module';
