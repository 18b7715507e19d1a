/**
 * Catalog module: stamps each entity with the version of its source it was read from and when
 * (docs/catalog-freshness.md).
 *
 * @packageDocumentation
 */

export { catalogModuleSourceStamp as default } from './module';
export { SourceStampProcessor } from './SourceStampProcessor';
export { PushedCommits } from './PushedCommits';
