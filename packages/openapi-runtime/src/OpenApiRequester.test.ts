import { ResponseError } from '@backstage/errors';
import { OpenApiRequester } from './OpenApiRequester';

type Call = { url: string; init: RequestInit };

function requester(answer: () => Response) {
  const calls: Call[] = [];
  const asked: string[] = [];
  const sender = new OpenApiRequester('shop', {
    discoveryApi: {
      getBaseUrl: async pluginId => {
        asked.push(pluginId);
        return `http://portal.test/api/${pluginId}`;
      },
    },
    fetchApi: {
      fetch: (async (url: string, init: RequestInit) => {
        calls.push({ url, init });
        return answer();
      }) as typeof fetch,
    },
  });
  return { sender, calls, asked };
}

describe('OpenApiRequester', () => {
  it("sends to the plugin's base URL with the query, and no body or headers when there are none", async () => {
    const { sender, calls, asked } = requester(() => new Response('{}'));
    const response = await sender.send('GET', '/v1/items', {
      query: { owner: 'group:default/a', tag: ['x', 'y'] },
    });
    expect(response.status).toBe(200);
    expect(asked).toEqual(['shop']);
    expect(calls).toEqual([
      {
        url: 'http://portal.test/api/shop/v1/items?owner=group%3Adefault%2Fa&tag=x&tag=y',
        init: { method: 'GET', headers: {}, body: undefined },
      },
    ]);
  });

  it('sends a JSON body and the bearer token when given', async () => {
    const { sender, calls } = requester(
      () => new Response(null, { status: 204 }),
    );
    await sender.send(
      'POST',
      '/v1/items',
      { body: { a: 1 } },
      { token: 't0k' },
    );
    expect(calls[0].init).toEqual({
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer t0k',
      },
      body: '{"a":1}',
    });
  });

  it("throws a ResponseError carrying the backend's error on a non-2xx answer", async () => {
    const { sender } = requester(
      () =>
        new Response(
          JSON.stringify({
            error: { name: 'NotFoundError', message: 'no such item' },
            response: { statusCode: 404 },
          }),
          { status: 404, headers: { 'content-type': 'application/json' } },
        ),
    );
    const error = await sender.send('GET', '/v1/items/x', {}).catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.body.error).toEqual({
      name: 'NotFoundError',
      message: 'no such item',
    });
  });

  it('uses the global fetch when no FetchApi is given', async () => {
    const original = global.fetch;
    const seen: string[] = [];
    global.fetch = (async (url: string) => {
      seen.push(url);
      return new Response('ok');
    }) as typeof fetch;
    try {
      const sender = new OpenApiRequester('shop', {
        discoveryApi: { getBaseUrl: async () => 'http://portal.test/api/shop' },
      });
      await sender.send('GET', '/v1/ping', {});
    } finally {
      global.fetch = original;
    }
    expect(seen).toEqual(['http://portal.test/api/shop/v1/ping']);
  });
});
