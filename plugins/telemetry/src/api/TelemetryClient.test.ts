import { ResponseError } from '@backstage/errors';
import { fakeBackend } from '@internal/frontend-kit';
import { TelemetryClient } from './TelemetryClient';

function clientAnswering(status: number, body: unknown) {
  const backend = fakeBackend(status, body);
  const methods = () => backend.calls.map(call => call.method);
  return { client: new TelemetryClient(backend), urls: backend.urls, methods };
}

describe('TelemetryClient', () => {
  it('asks for RED and traces by service.name, escaped, and RED with its window', async () => {
    const { client, urls } = clientAnswering(200, { serviceName: 'x' });
    await expect(client.getRed('api-gateway', '15m')).resolves.toEqual({
      serviceName: 'x',
    });
    await client.getTraceSamples('orders/v2');
    expect(urls()).toEqual([
      'http://backend/api/telemetry/v1/services/api-gateway/red?window=15m',
      'http://backend/api/telemetry/v1/services/orders%2Fv2/traces',
    ]);
  });

  it('asks for SLOs by entity ref and edges by window, reading only', async () => {
    const { client, urls, methods } = clientAnswering(200, { items: [] });
    await expect(
      client.getSlos('component:default/pipeline-service'),
    ).resolves.toEqual({ items: [] });
    await client.getEdges('1h');
    expect(urls()).toEqual([
      'http://backend/api/telemetry/v1/slos?entityRef=component%3Adefault%2Fpipeline-service',
      'http://backend/api/telemetry/v1/edges?window=1h',
    ]);
    expect(methods()).toEqual(['GET', 'GET']);
  });

  it("throws a ResponseError carrying the backend's message", async () => {
    const { client } = clientAnswering(400, {
      error: {
        name: 'InputError',
        message: "window: must be one of 15m, 1h, 6h, 24h, 7d, got '2y'",
      },
      response: { statusCode: 400 },
    });
    const error = await client.getEdges('1h').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(400);
    expect(error.cause.message).toMatch(/^window: must be one of/);
  });
});
