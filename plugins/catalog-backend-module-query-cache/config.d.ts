/*
 * Configuration of the catalog's query cache (plugins/catalog-backend-module-query-cache/README.md).
 * The store is the backend's cache service: `backend.cache` (memory unless configured; Redis in
 * app-config.production.yaml).
 */
import { HumanDuration } from '@backstage/types';

export interface Config {
  catalog?: {
    /**
     * Caches GET /entity-facets and GET /entities/by-query answers per caller, served only while
     * the catalog has not changed since they were computed.
     * @visibility backend
     */
    queryCache?: {
      /** Default true. */
      enabled?: boolean;
      /**
       * How long an answer is kept at most, also when the catalog does not change (permission
       * and group-membership changes show after at most this long). Default 60 seconds.
       */
      ttl?: HumanDuration | string;
      /** Answers larger than this many bytes are not cached. Default 1048576 (1 MiB). */
      maxEntryBytes?: number;
    };
  };
}
