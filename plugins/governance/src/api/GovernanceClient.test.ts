import { ResponseError } from '@backstage/errors';
import { fakeBackend } from '@internal/frontend-kit';
import { checkoutOnDemand, checks, findings } from '../__fixtures__/governance';
import { GovernanceClient } from './GovernanceClient';

function clientAnswering(status: number, body: unknown) {
  const backend = fakeBackend(status, body);
  return {
    client: new GovernanceClient(backend),
    calls: backend.requests,
    backend,
  };
}

describe('GovernanceClient', () => {
  it('reads findings, leaving empty filters out', async () => {
    const { client, calls } = clientAnswering(200, findings);
    await expect(client.getFindings()).resolves.toEqual(findings);
    await client.getFindings({
      rule: 'shared-database',
      owner: '',
      namespace: 'default',
    });
    expect(calls()).toEqual([
      'GET http://backend/api/governance/v1/findings',
      'GET http://backend/api/governance/v1/findings?rule=shared-database&namespace=default',
    ]);
  });

  it('passes an on-demand scorecard (an entity the evaluation has not seen yet) through', async () => {
    const { client, calls } = clientAnswering(200, checkoutOnDemand);
    await expect(
      client.getScorecards({ entityRef: 'component:default/checkout' }),
    ).resolves.toEqual(checkoutOnDemand);
    expect(calls()).toEqual([
      'GET http://backend/api/governance/v1/scorecards?entityRef=component%3Adefault%2Fcheckout',
    ]);
  });

  it('reads checks, scorecards, rollups, history, waivers and the latest evaluation', async () => {
    const { client, calls } = clientAnswering(200, checks);
    await client.getChecks();
    await client.getScorecards({ entityRef: 'component:default/billing' });
    await client.getScorecards({ owner: 'group:default/billing' });
    await client.getRollups('owner');
    await client.getHistory('rule', 30);
    await client.getWaivers();
    await client.getWaivers(true);
    await client.getLatestEvaluation();
    expect(calls()).toEqual([
      'GET http://backend/api/governance/v1/checks',
      'GET http://backend/api/governance/v1/scorecards?entityRef=component%3Adefault%2Fbilling',
      'GET http://backend/api/governance/v1/scorecards?owner=group%3Adefault%2Fbilling',
      'GET http://backend/api/governance/v1/rollups?by=owner',
      'GET http://backend/api/governance/v1/history?dimension=rule&days=30',
      'GET http://backend/api/governance/v1/waivers',
      'GET http://backend/api/governance/v1/waivers?includeExpired=true',
      'GET http://backend/api/governance/v1/evaluations/latest',
    ]);
  });

  it('creates a waiver with a JSON body and deletes one by id', async () => {
    const { client, calls, backend } = clientAnswering(201, { id: 'w-9' });
    await client.createWaiver({
      findingKey: 'shared-database:resource:default/legacy-db',
      reason: 'Q1 plan',
      expiresAt: '2027-03-31T23:59:59Z',
    });
    expect(JSON.parse(String(backend.calls[0].body))).toEqual({
      findingKey: 'shared-database:resource:default/legacy-db',
      reason: 'Q1 plan',
      expiresAt: '2027-03-31T23:59:59Z',
    });
    backend.answerWith(204);
    await client.deleteWaiver('w/9');
    expect(calls()).toEqual([
      'POST http://backend/api/governance/v1/waivers',
      'DELETE http://backend/api/governance/v1/waivers/w%2F9',
    ]);
  });

  it("throws a ResponseError carrying the backend's message", async () => {
    const { client } = clientAnswering(403, {
      error: {
        name: 'NotAllowedError',
        message: 'governance.waiver.create is denied',
      },
      response: { statusCode: 403 },
    });
    const error = await client
      .createWaiver({
        findingKey: 'k',
        reason: 'r',
        expiresAt: '2027-01-01T00:00:00Z',
      })
      .catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(403);
    expect(error.cause.message).toBe('governance.waiver.create is denied');
  });
});
