/**
 * Catalog module: the repositories created on this Strata (local Git repositories) in the
 * catalog, and the guard that keeps every `file` location inside the folders app-config allows.
 *
 * @packageDocumentation
 */

export { catalogModuleLocalRepositories as default } from './module';
export {
  LOCAL_REPOSITORY_PUBLISHED_TOPIC,
  type LocalRepositoryPublishedEvent,
} from './topics';
export { readLocalRepositoriesDir, LOCAL_REPOSITORIES_DIR_KEY } from './config';
