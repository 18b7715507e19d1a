/**
 * Catalog module: a changed file of a `file` location or a local repository is re-read at once,
 * not at the next processing loop (docs/catalog-freshness.md).
 *
 * @packageDocumentation
 */

export { catalogModuleFileWatchRefresh as default } from './module';
export { FileWatchRefresher } from './FileWatchRefresher';
export { FileLocationTargetRefreshKeys } from './FileLocationTargetRefreshKeys';
