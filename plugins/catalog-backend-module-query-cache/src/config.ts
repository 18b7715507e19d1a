import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

export interface QueryCacheConfig {
  enabled: boolean;
  ttlMs: number;
  maxEntryBytes: number;
}

export const QUERY_CACHE_DEFAULTS: QueryCacheConfig = {
  enabled: true,
  ttlMs: 60_000,
  maxEntryBytes: 1024 * 1024,
};

/** `catalog.queryCache.*` (config.d.ts documents every key). */
export function readQueryCacheConfig(root: Config): QueryCacheConfig {
  const config = root.getOptionalConfig('catalog.queryCache');
  if (!config) return { ...QUERY_CACHE_DEFAULTS };
  const ttlMs = config.has('ttl')
    ? durationToMilliseconds(readDurationFromConfig(config, { key: 'ttl' }))
    : QUERY_CACHE_DEFAULTS.ttlMs;
  if (!(ttlMs > 0)) {
    throw new Error(
      `catalog.queryCache.ttl must be a positive duration, got ${ttlMs} ms`,
    );
  }
  const maxEntryBytes =
    config.getOptionalNumber('maxEntryBytes') ??
    QUERY_CACHE_DEFAULTS.maxEntryBytes;
  if (!(maxEntryBytes > 0)) {
    throw new Error(
      `catalog.queryCache.maxEntryBytes must be a positive number, got ${maxEntryBytes}`,
    );
  }
  return {
    enabled: config.getOptionalBoolean('enabled') ?? true,
    ttlMs,
    maxEntryBytes,
  };
}
