/**
 * Catalog freshness: the annotations that say when and from which version an entity was read
 * from its source (docs/catalog-freshness.md), shared by the catalog module that writes them
 * and the entity card that shows them.
 *
 * @packageDocumentation
 */
export {
  ANNOTATION_SOURCE_READ_AT,
  ANNOTATION_SOURCE_VERSION,
  formatSourceVersion,
  parseSourceVersion,
  readSourceStamp,
  type SourceStamp,
  type SourceVersion,
} from './sourceStamp';
