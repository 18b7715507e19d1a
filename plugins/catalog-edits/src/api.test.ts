import { ResponseError } from '@backstage/errors';
import { CatalogEditsClient } from './api';

function clientAnswering(answer: Response) {
  const fetch = jest.fn(async (_url: string, _init?: RequestInit) => answer);
  const client = new CatalogEditsClient({
    discoveryApi: {
      getBaseUrl: async id => `http://portal.test/api/${id}`,
    },
    fetchApi: { fetch: fetch as typeof globalThis.fetch },
  });
  return { client, fetch };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });

describe('CatalogEditsClient', () => {
  it('proposes an edit with POST /proposals and returns the pull request', async () => {
    const { client, fetch } = clientAnswering(
      json(201, {
        pullRequestUrl: 'https://github.com/o/r/pull/1',
        branch: 'b',
      }),
    );
    const request = {
      entityRef: 'component:default/orders',
      edit: { type: 'setOwner', owner: 'group:default/platform' } as const,
    };
    await expect(client.propose(request)).resolves.toEqual({
      pullRequestUrl: 'https://github.com/o/r/pull/1',
      branch: 'b',
    });
    expect(fetch).toHaveBeenCalledWith(
      'http://portal.test/api/catalog-edits/proposals',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request),
      },
    );
  });

  it("lists an entity's proposals with GET /proposals?entityRef=", async () => {
    const proposal = {
      id: '1',
      entityRef: 'component:default/orders',
      edit: { type: 'setOwner', owner: 'group:default/platform' },
      requestedBy: 'user:default/jane',
      pullRequestUrl: 'https://github.com/o/r/pull/1',
      branch: 'b',
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    const { client, fetch } = clientAnswering(json(200, { items: [proposal] }));
    await expect(
      client.listProposals('component:default/orders'),
    ).resolves.toEqual([proposal]);
    expect(fetch.mock.calls[0][0]).toBe(
      'http://portal.test/api/catalog-edits/proposals?entityRef=component%3Adefault%2Forders',
    );
  });

  it("throws a ResponseError with the backend's message on a refusal", async () => {
    const { client } = clientAnswering(
      json(403, {
        error: {
          name: 'NotAllowedError',
          message: 'You may not propose changes to component:default/orders',
        },
        response: { statusCode: 403 },
      }),
    );
    const error = await client
      .propose({
        entityRef: 'component:default/orders',
        edit: { type: 'addDatabase', resourceRef: 'resource:default/db' },
      })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
    expect(error.body.error.message).toBe(
      'You may not propose changes to component:default/orders',
    );
  });
});
