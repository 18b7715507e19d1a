/**
 * Scaffolder module offering Strata's templates the values they read from app-config as
 * template globals: `strataOtlpEndpoint`.
 *
 * @packageDocumentation
 */

export { scaffolderModuleTemplateGlobals as default } from './module';
