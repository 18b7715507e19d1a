/**
 * Catalog module: a GitHub push refreshes exactly the catalog locations and entities it
 * touched (docs/catalog-freshness.md).
 *
 * @packageDocumentation
 */

export { catalogModuleGithubPushRefresh as default } from './module';
export { GithubPushRefresher, type PushOutcome } from './GithubPushRefresher';
export { LocationTargetRefreshKeys } from './LocationTargetRefreshKeys';
