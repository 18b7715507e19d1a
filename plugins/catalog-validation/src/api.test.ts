import { ResponseError } from '@backstage/errors';
import { CatalogValidationClient } from './api';

function clientAnswering(answer: Response) {
  const fetch = jest.fn(async (_url: string, _init?: RequestInit) => answer);
  const client = new CatalogValidationClient({
    discoveryApi: {
      getBaseUrl: async id => `http://portal.test/api/${id}`,
    },
    fetchApi: { fetch: fetch as typeof globalThis.fetch },
  });
  return { client, fetch };
}

describe('CatalogValidationClient', () => {
  it("lists an entity's conflicts with GET /conflicts?entityRef=", async () => {
    const conflict = {
      entityRef: 'component:default/billing',
      keptLocation:
        'url:https://github.com/o/billing/blob/main/catalog-info.yaml',
      ignoredLocation:
        'url:https://github.com/o/admin/blob/main/catalog-info.yaml',
      firstSeenAt: '2026-01-01T00:00:00.000Z',
      lastSeenAt: '2026-01-02T00:00:00.000Z',
    };
    const { client, fetch } = clientAnswering(
      new Response(JSON.stringify({ items: [conflict] }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      }),
    );
    await expect(
      client.listConflicts('component:default/billing'),
    ).resolves.toEqual([conflict]);
    expect(fetch).toHaveBeenCalledWith(
      'http://portal.test/api/catalog-validation/conflicts?entityRef=component%3Adefault%2Fbilling',
      { method: 'GET', headers: {}, body: undefined },
    );
  });

  it('throws a ResponseError on a non-2xx answer', async () => {
    const { client } = clientAnswering(
      new Response(
        JSON.stringify({
          error: {
            name: 'AuthenticationError',
            message: 'Missing credentials',
          },
          response: { statusCode: 401 },
        }),
        { status: 401, headers: { 'content-type': 'application/json' } },
      ),
    );
    const error = await client
      .listConflicts('component:default/billing')
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(401);
    expect(error.body.error.name).toBe('AuthenticationError');
  });
});
