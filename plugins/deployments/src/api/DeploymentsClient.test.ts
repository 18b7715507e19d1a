import { ResponseError } from '@backstage/errors';
import { fakeBackend } from '@internal/frontend-kit';
import { billingTeamReport } from '../__fixtures__/dora';
import { serviceStatus } from '../__fixtures__/status';
import { DeploymentsClient } from './DeploymentsClient';

function clientAnswering(status: number, body: unknown) {
  const backend = fakeBackend(status, body);
  return { client: new DeploymentsClient(backend), urls: backend.urls };
}

describe('DeploymentsClient', () => {
  it('reads the status of an entity', async () => {
    const status = serviceStatus([]);
    const { client, urls } = clientAnswering(200, status);
    await expect(
      client.getStatus('component:default/billing'),
    ).resolves.toEqual(status);
    expect(urls()).toEqual([
      'http://backend/api/deployments/v1/status?entityRef=component%3Adefault%2Fbilling',
    ]);
  });

  it('lists rollouts, with environment and limit only when given', async () => {
    const { client, urls } = clientAnswering(200, { items: [] });
    await client.getRollouts({ entityRef: 'component:default/billing' });
    await client.getRollouts({
      entityRef: 'component:default/billing',
      environment: 'production',
      limit: 25,
    });
    expect(urls()).toEqual([
      'http://backend/api/deployments/v1/rollouts?entityRef=component%3Adefault%2Fbilling',
      'http://backend/api/deployments/v1/rollouts?entityRef=component%3Adefault%2Fbilling&environment=production&limit=25',
    ]);
  });

  it('asks for DORA by team or by service', async () => {
    const { client, urls } = clientAnswering(200, billingTeamReport);
    await expect(
      client.getDora({ owner: 'group:default/billing', window: '30d' }),
    ).resolves.toEqual(billingTeamReport);
    await client.getDora({
      entityRef: 'component:default/billing',
      window: '7d',
    });
    expect(urls()).toEqual([
      'http://backend/api/deployments/v1/dora?owner=group%3Adefault%2Fbilling&window=30d',
      'http://backend/api/deployments/v1/dora?entityRef=component%3Adefault%2Fbilling&window=7d',
    ]);
  });

  it("throws a ResponseError carrying the backend's message", async () => {
    const { client } = clientAnswering(400, {
      error: {
        name: 'InputError',
        message: 'window must be one of 7d, 30d, 90d',
      },
      response: { statusCode: 400 },
    });
    const error = await client
      .getDora({ owner: 'group:default/billing', window: '30d' })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
    expect(error.cause.message).toBe('window must be one of 7d, 30d, 90d');
  });
});
