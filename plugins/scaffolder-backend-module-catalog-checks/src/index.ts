/**
 * Scaffolder module with the checks a template runs against the catalog before publishing:
 * `strata:catalog:check-new-entity` and `strata:catalog:validate`.
 *
 * @packageDocumentation
 */

export { scaffolderModuleCatalogChecks as default } from './module';
