import { fakeBackend } from './fakeBackend';

describe('fakeBackend', () => {
  it("gives the plugin's base URL and answers with the status and JSON body", async () => {
    const backend = fakeBackend(200, { items: [1] });
    const base = await backend.discoveryApi.getBaseUrl('deployments');
    expect(base).toBe('http://backend/api/deployments');
    const response = await backend.fetchApi.fetch(`${base}/v1/status`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    await expect(response.json()).resolves.toEqual({ items: [1] });
  });

  it('records url, method and body of every request, in order', async () => {
    const backend = fakeBackend(201, { id: 'w-1' });
    await backend.fetchApi.fetch('http://backend/api/x/v1/a', {
      method: 'POST',
      body: '{"reason":"r"}',
    });
    await backend.fetchApi.fetch('http://backend/api/x/v1/b');
    expect(backend.calls).toEqual([
      {
        url: 'http://backend/api/x/v1/a',
        method: 'POST',
        body: '{"reason":"r"}',
      },
      { url: 'http://backend/api/x/v1/b', method: undefined, body: undefined },
    ]);
    expect(backend.urls()).toEqual([
      'http://backend/api/x/v1/a',
      'http://backend/api/x/v1/b',
    ]);
    expect(backend.requests()).toEqual([
      'POST http://backend/api/x/v1/a',
      'GET http://backend/api/x/v1/b',
    ]);
  });

  it('answers later requests as told, with no body when none is given', async () => {
    const backend = fakeBackend(200, {});
    backend.answerWith(204);
    const response = await backend.fetchApi.fetch('http://backend/api/x/v1/a', {
      method: 'DELETE',
    });
    expect(response.status).toBe(204);
    await expect(response.text()).resolves.toBe('');
  });
});
