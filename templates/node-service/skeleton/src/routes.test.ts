import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ServiceUnavailableError } from './errors';
import type { Item, NewItem } from './items/item';
import type { ItemStore } from './items/itemStore';
import type { Logger } from './log';
import type { Readiness } from './readiness';
import { createRoutes, type ApiRequest, type RouteDependencies } from './routes';

const silent: Logger = { info() {}, warn() {}, error() {} };

/** An in-memory store that mimics the transaction: a failing hook discards the item. */
class FakeItemStore implements ItemStore {
  readonly items: Item[] = [];

  async list(limit: number): Promise<Item[]> {
    return [...this.items].reverse().slice(0, limit);
  }

  async create(item: NewItem, beforeCommit?: (created: Item) => Promise<void>): Promise<Item> {
    const created = { id: this.items.length + 1, name: item.name, createdAt: '2026-01-01T00:00:00.000Z' };
    await beforeCommit?.(created);
    this.items.push(created);
    return created;
  }
}

function routes(overrides: Partial<RouteDependencies> = {}) {
  const store = new FakeItemStore();
  const ready: Readiness = { ready: true, checks: {} };
  const handle = createRoutes({
    items: store,
    readiness: async () => ready,
    logger: silent,
    ...overrides,
  });
  return { store, handle };
}

function request(method: string, pathAndQuery: string, body?: unknown): ApiRequest {
  const url = new URL(pathAndQuery, 'http://test.invalid');
  return { method, path: url.pathname, query: url.searchParams, body };
}

describe('routes', () => {
  it('answers liveness without touching dependencies', async () => {
    const { handle } = routes({
      readiness: async () => {
        throw new Error('must not be called');
      },
    });
    assert.deepEqual(await handle(request('GET', '/healthz')), { status: 200, body: { status: 'ok' } });
  });

  it('answers readiness 503 with the reason when a dependency is down', async () => {
    const notReady: Readiness = {
      ready: false,
      checks: { database: { ok: false, required: true, reason: 'connection refused' } },
    };
    const { handle } = routes({ readiness: async () => notReady });
    assert.deepEqual(await handle(request('GET', '/readyz')), { status: 503, body: notReady });
  });

  it('creates an item and lists it', async () => {
    const { handle } = routes();
    const created = await handle(request('POST', '/v1/items', { name: 'first' }));
    assert.equal(created.status, 201);
    assert.deepEqual(created.body, { id: 1, name: 'first', createdAt: '2026-01-01T00:00:00.000Z' });
    const listed = await handle(request('GET', '/v1/items'));
    assert.deepEqual(listed, { status: 200, body: { items: [created.body] } });
  });

  it('rejects an invalid item with 400', async () => {
    const { handle, store } = routes();
    const response = await handle(request('POST', '/v1/items', { name: '' }));
    assert.equal(response.status, 400);
    assert.equal(store.items.length, 0);
  });

  it('validates the list limit', async () => {
    const { handle } = routes();
    assert.equal((await handle(request('GET', '/v1/items?limit=0'))).status, 400);
    assert.equal((await handle(request('GET', '/v1/items?limit=101'))).status, 400);
    assert.equal((await handle(request('GET', '/v1/items?limit=5'))).status, 200);
  });

  it('runs onItemCreated inside the insert and answers 503 when it is unavailable', async () => {
    const { handle, store } = routes({
      onItemCreated: async () => {
        throw new ServiceUnavailableError('cannot publish');
      },
    });
    const response = await handle(request('POST', '/v1/items', { name: 'first' }));
    assert.deepEqual(response, { status: 503, body: { error: 'cannot publish' } });
    assert.equal(store.items.length, 0, 'the item was rolled back');
  });

  it('hides unexpected errors behind 500', async () => {
    const store = new FakeItemStore();
    store.list = async () => {
      throw new Error('relation "items" does not exist');
    };
    const { handle } = routes({ items: store });
    assert.deepEqual(await handle(request('GET', '/v1/items')), {
      status: 500,
      body: { error: 'internal error' },
    });
  });

  it('answers 404 for unknown paths and 405 for unknown methods', async () => {
    const { handle } = routes();
    assert.equal((await handle(request('GET', '/nope'))).status, 404);
    assert.equal((await handle(request('DELETE', '/v1/items'))).status, 405);
  });
});
