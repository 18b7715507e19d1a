import { ResponseError } from '@backstage/errors';
import fs from 'node:fs';
import ts from 'typescript';
import { makeRepo, readFile, run } from '../__testUtils__/repo';

type Call = {
  url: string;
  method?: string;
  headers: Record<string, string>;
  body?: string;
};

/**
 * The fixture spec's generated client, compiled and loaded as a caller would
 * run it, against a fetch that records each request and answers `answer`.
 */
async function loadShopClient() {
  const root = makeRepo();
  await run(root, 'generate');
  const source = readFile(
    root,
    'plugins/shop-common/src/generated/apis/ShopApi.client.ts',
  );
  fs.rmSync(root, { recursive: true, force: true });
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
    },
  });
  const exports: Record<string, any> = {};
  // eslint-disable-next-line no-new-func
  new Function('require', 'exports', outputText)(require, exports);

  const calls: Call[] = [];
  let answer = () => new Response('{}', { status: 200 });
  const client = new exports.ShopApiClient({
    discoveryApi: {
      getBaseUrl: async (id: string) => `http://portal.test/api/${id}`,
    },
    fetchApi: {
      fetch: async (url: string, init: RequestInit) => {
        calls.push({
          url,
          method: init.method,
          headers: init.headers as Record<string, string>,
          body: init.body as string | undefined,
        });
        return answer();
      },
    },
  });
  return {
    client,
    calls,
    answer: (next: () => Response) => {
      answer = next;
    },
  };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

describe('the generated client', () => {
  let shop: Awaited<ReturnType<typeof loadShopClient>>;

  beforeAll(async () => {
    shop = await loadShopClient();
  });
  beforeEach(() => {
    shop.calls.length = 0;
  });

  it('puts encoded path parameters into the plugin URL and returns the JSON', async () => {
    const order = { id: 'a/b c', item: 'tea', quantity: 1, status: 'open' };
    shop.answer(() => json(200, order));
    await expect(
      shop.client.getOrder({ path: { orderId: 'a/b c' } }),
    ).resolves.toEqual(order);
    expect(shop.calls).toEqual([
      {
        url: 'http://portal.test/api/shop/orders/a%2Fb%20c',
        method: 'GET',
        headers: {},
        body: undefined,
      },
    ]);
  });

  it('sends query parameters, arrays as repeated keys, leaving out undefined ones', async () => {
    shop.answer(() => json(200, { items: [] }));
    await shop.client.listOrders({
      query: { status: ['open', 'shipped'], limit: 5 },
    });
    await shop.client.listOrders({ query: { limit: 2, status: undefined } });
    expect(shop.calls.map(c => c.url)).toEqual([
      'http://portal.test/api/shop/orders?status=open&status=shipped&limit=5',
      'http://portal.test/api/shop/orders?limit=2',
    ]);
  });

  it('posts a JSON body with the token as a bearer, and reads 201 and 204 answers', async () => {
    const created = { id: '1', item: 'tea', quantity: 2, status: 'open' };
    shop.answer(() => json(201, created));
    await expect(
      shop.client.createOrders(
        { body: [{ item: 'tea', quantity: 2 }] },
        { token: 'secret' },
      ),
    ).resolves.toEqual(created);
    expect(shop.calls[0]).toEqual({
      url: 'http://portal.test/api/shop/orders',
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer secret',
      },
      body: '[{"item":"tea","quantity":2}]',
    });

    shop.answer(() => new Response(null, { status: 204 }));
    await expect(
      shop.client.createOrders({ body: { item: 'tea', quantity: 2 } }),
    ).resolves.toBeUndefined();
    await expect(
      shop.client.deleteOrder({ path: { orderId: '7' } }),
    ).resolves.toBeUndefined();
    expect(shop.calls[2]).toMatchObject({
      method: 'DELETE',
      url: 'http://portal.test/api/shop/orders/7',
    });
  });

  it('reads a text answer as text', async () => {
    shop.answer(
      () =>
        new Response('Thank you', {
          status: 200,
          headers: { 'content-type': 'text/plain' },
        }),
    );
    await expect(shop.client.getReceipt()).resolves.toBe('Thank you');
  });

  it('throws a ResponseError carrying the status and the backend error on non-2xx', async () => {
    shop.answer(() =>
      json(404, {
        error: { name: 'NotFoundError', message: 'No order 9' },
        response: { statusCode: 404 },
      }),
    );
    const error = await shop.client
      .getOrder({ path: { orderId: '9' } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error).toMatchObject({
      statusCode: 404,
      body: { error: { name: 'NotFoundError', message: 'No order 9' } },
    });
  });
});
