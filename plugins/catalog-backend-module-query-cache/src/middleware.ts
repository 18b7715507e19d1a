import {
  CacheService,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { NextFunction, Request, RequestHandler, Response } from 'express';
import { principalKey, queryCacheKey } from './cacheKey';
import { CatalogGeneration } from './generation';

/** The catalog routes whose GET answers are cached (paths inside the catalog's router). */
export const CACHED_PATHS = ['/entity-facets', '/entities/by-query'];

export const CACHE_HEADER = 'x-strata-cache';

/** What is stored per key: the generation it was computed at, the content type and the body. */
type Entry = { g: string; t: string; b: string };

export interface QueryCacheMiddlewareOptions {
  cache: CacheService;
  httpAuth: HttpAuthService;
  generation: { current(): Promise<CatalogGeneration> };
  logger: LoggerService;
  ttlMs: number;
  maxEntryBytes: number;
  /**
   * A cache read that takes longer is a miss (default 250 ms): a Redis that is down or
   * reconnecting must not hold catalog requests.
   */
  cacheReadTimeoutMs?: number;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${ms} ms`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function isEntry(value: unknown): value is Entry {
  const e = value as Entry;
  return (
    !!e &&
    typeof e.g === 'string' &&
    typeof e.t === 'string' &&
    typeof e.b === 'string'
  );
}

/**
 * Express middleware for the catalog's own router (installed by the module through the catalog's
 * httpRouter, so it runs after the credentials barrier and before the catalog's routes).
 *
 * GET /entity-facets and GET /entities/by-query: an entry stored for this principal and URL at
 * the current catalog generation is answered from the cache (`x-strata-cache: hit`); otherwise
 * the catalog answers (`miss`) and a 200 answer computed under a settled generation that is still
 * current when it has been sent is stored for `ttlMs`. Anything else passes through untouched.
 * The cache and the generation probe failing never fail a request: it goes to the catalog.
 */
export function createQueryCacheMiddleware(
  options: QueryCacheMiddlewareOptions,
): RequestHandler {
  const { cache, httpAuth, generation, logger, ttlMs, maxEntryBytes } = options;
  const cacheReadTimeoutMs = options.cacheReadTimeoutMs ?? 250;
  let lastWarningAt = 0;
  const warn = (message: string, error: unknown) => {
    // At most one line a minute: a cache outage would otherwise log every request.
    if (Date.now() - lastWarningAt < 60_000) return;
    lastWarningAt = Date.now();
    logger.warn(`${message}: ${(error as Error)?.message ?? error}`);
  };

  return async (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || !CACHED_PATHS.includes(req.path)) {
      next();
      return;
    }
    let key: string;
    let before: CatalogGeneration;
    try {
      const principal = principalKey(await httpAuth.credentials(req));
      if (!principal) {
        next();
        return;
      }
      key = queryCacheKey(principal, req.method, req.originalUrl);
      before = await generation.current();
    } catch (error) {
      // Credentials the catalog itself will refuse, or the probe failed: the catalog decides.
      warn('Catalog query cache bypassed', error);
      next();
      return;
    }

    try {
      const entry = await withTimeout(cache.get(key), cacheReadTimeoutMs);
      if (isEntry(entry) && entry.g === before.id) {
        res.setHeader(CACHE_HEADER, 'hit');
        res.status(200).type(entry.t).send(entry.b);
        return;
      }
    } catch (error) {
      warn('Catalog query cache read failed', error);
    }

    res.setHeader(CACHE_HEADER, 'miss');
    if (before.settled) {
      captureAnswer(res, maxEntryBytes, async (contentType, body) => {
        const after = await generation.current();
        if (after.id !== before.id || !after.settled) return;
        await cache.set(
          key,
          { g: before.id, t: contentType, b: body },
          {
            ttl: ttlMs,
          },
        );
      }).catch(error => warn('Catalog query cache write failed', error));
    }
    next();
  };
}

/**
 * Collects what the catalog writes (res.json, or res.write … res.end when it streams entities)
 * and calls `store` once the whole answer has been sent with status 200 and a JSON content type,
 * within `maxBytes`. Aborted, failed or oversized answers are dropped.
 */
function captureAnswer(
  res: Response,
  maxBytes: number,
  store: (contentType: string, body: string) => Promise<void>,
): Promise<void> {
  const chunks: Buffer[] = [];
  let size = 0;
  let overflow = false;
  const collect = (chunk: unknown, encoding: unknown) => {
    if (overflow || chunk === undefined || chunk === null) return;
    if (typeof chunk === 'function') return;
    let buffer: Buffer | undefined;
    if (Buffer.isBuffer(chunk)) {
      buffer = chunk;
    } else if (typeof chunk === 'string') {
      const enc = typeof encoding === 'string' ? encoding : 'utf8';
      buffer = Buffer.from(chunk, enc as BufferEncoding);
    } else if (chunk instanceof Uint8Array) {
      buffer = Buffer.from(chunk);
    }
    if (!buffer) return;
    size += buffer.length;
    if (size > maxBytes) {
      overflow = true;
      chunks.length = 0;
      return;
    }
    chunks.push(buffer);
  };

  const originalWrite = res.write;
  const originalEnd = res.end;
  res.write = function write(this: Response, chunk: any, ...rest: any[]) {
    collect(chunk, rest[0]);
    return (originalWrite as any).call(this, chunk, ...rest);
  } as Response['write'];
  res.end = function end(this: Response, chunk?: any, ...rest: any[]) {
    collect(chunk, rest[0]);
    return (originalEnd as any).call(this, chunk, ...rest);
  } as Response['end'];

  return new Promise<void>((resolve, reject) => {
    res.once('close', () => {
      if (!res.writableFinished) resolve(); // aborted by the client
    });
    res.once('finish', () => {
      const contentType = String(res.getHeader('content-type') ?? '');
      if (
        res.statusCode !== 200 ||
        overflow ||
        !/^application\/json\b/.test(contentType)
      ) {
        resolve();
        return;
      }
      store(contentType, Buffer.concat(chunks).toString('utf8')).then(
        resolve,
        reject,
      );
    });
  });
}
