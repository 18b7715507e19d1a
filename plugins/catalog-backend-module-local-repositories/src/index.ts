/**
 * Catalog module: the repositories created on this Strata (local Git repositories) in the
 * catalog, and the guard that keeps every `file` location inside the folders app-config allows.
 *
 * @packageDocumentation
 */

export { catalogModuleLocalRepositories as default } from './module';
