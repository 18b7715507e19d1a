/**
 * Catalog backend module that caches the catalog's facets (GET /entity-facets) and list pages
 * (GET /entities/by-query) per caller through the backend's cache service, invalidated when the
 * catalog changes and after a bounded TTL.
 *
 * @packageDocumentation
 */

export { catalogModuleQueryCache as default } from './module';
export { readQueryCacheConfig, type QueryCacheConfig } from './config';
export { principalKey, queryCacheKey } from './cacheKey';
export {
  generationProbe,
  GenerationReader,
  type CatalogGeneration,
} from './generation';
export {
  createProbeIndex,
  dropProbeIndexBeforeMigrations,
  PROBE_INDEX,
} from './probeIndex';
export {
  CACHE_HEADER,
  CACHED_PATHS,
  createQueryCacheMiddleware,
  type QueryCacheMiddlewareOptions,
} from './middleware';
