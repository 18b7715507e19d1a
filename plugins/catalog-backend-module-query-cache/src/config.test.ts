import { ConfigReader } from '@backstage/config';
import { QUERY_CACHE_DEFAULTS, readQueryCacheConfig } from './config';

const read = (queryCache?: unknown) =>
  readQueryCacheConfig(
    new ConfigReader(
      queryCache === undefined ? {} : { catalog: { queryCache } },
    ),
  );

describe('readQueryCacheConfig', () => {
  it('is on with a 60 s TTL and a 1 MiB entry limit when nothing is configured', () => {
    expect(read()).toEqual({
      enabled: true,
      ttlMs: 60_000,
      maxEntryBytes: 1024 * 1024,
    });
    expect(read({})).toEqual(QUERY_CACHE_DEFAULTS);
  });

  it('reads enabled, a duration object or ISO string TTL, and the entry limit', () => {
    expect(
      read({ enabled: false, ttl: { seconds: 5 }, maxEntryBytes: 2048 }),
    ).toEqual({ enabled: false, ttlMs: 5_000, maxEntryBytes: 2048 });
    expect(read({ ttl: 'PT2M' }).ttlMs).toBe(120_000);
  });

  it('refuses a zero TTL and a non-positive entry limit, naming the key', () => {
    expect(() => read({ ttl: { seconds: 0 } })).toThrow(
      'catalog.queryCache.ttl must be a positive duration',
    );
    expect(() => read({ maxEntryBytes: 0 })).toThrow(
      'catalog.queryCache.maxEntryBytes must be a positive number',
    );
  });
});
