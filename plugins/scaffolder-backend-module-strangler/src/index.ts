/**
 * Scaffolder module with the strangler-extraction template's actions:
 * `strata:gateway:split-traffic`, `strata:fetch:template-skeleton` and `strata:catalog:annotate`.
 *
 * @packageDocumentation
 */

export { scaffolderModuleStrangler as default } from './module';
