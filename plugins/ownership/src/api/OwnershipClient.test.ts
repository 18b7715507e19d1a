import { ResponseError } from '@backstage/errors';
import { fakeBackend } from '@internal/frontend-kit';
import { billingLookup } from '../__fixtures__/lookup';
import { OwnershipClient } from './OwnershipClient';

function clientAnswering(status: number, body: unknown) {
  const backend = fakeBackend(status, body);
  return { client: new OwnershipClient(backend), urls: backend.urls };
}

describe('OwnershipClient', () => {
  it('looks an entity up by its ref', async () => {
    const { client, urls } = clientAnswering(200, billingLookup);
    await expect(
      client.lookupEntity('component:default/billing'),
    ).resolves.toEqual(billingLookup);
    expect(urls()).toEqual([
      'http://backend/api/ownership/v1/lookup?entityRef=component%3Adefault%2Fbilling',
    ]);
  });

  it("throws a ResponseError carrying the backend's message", async () => {
    const { client } = clientAnswering(404, {
      error: { name: 'NotFoundError', message: 'no Component is named x' },
      response: { statusCode: 404 },
    });
    const error = await client
      .lookupEntity('component:default/x')
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.cause.message).toBe('no Component is named x');
  });
});
