import { ResponseError } from '@backstage/errors';
import { describeError } from './describeError';

async function responseError(
  status: number,
  statusText: string,
  body?: object,
) {
  return ResponseError.fromResponse(
    new Response(body ? JSON.stringify(body) : 'oops', {
      status,
      statusText,
      headers: { 'content-type': body ? 'application/json' : 'text/plain' },
    }),
  );
}

describe('describeError', () => {
  it("uses the backend's own message, with the status and a hint", async () => {
    const error = await responseError(404, 'Not Found', {
      error: {
        name: 'NotFoundError',
        message: 'No entity component:default/x in the catalog',
      },
      response: { statusCode: 404 },
    });
    expect(describeError(error)).toEqual({
      message: '404: No entity component:default/x in the catalog',
      hint: expect.stringContaining('does not know this entity'),
    });
  });

  it('falls back to the status line and points at the log for server errors', async () => {
    expect(describeError(await responseError(502, 'Bad Gateway'))).toEqual({
      message: expect.stringMatching(/^502/),
      hint: "The telemetry backend failed; the portal's backend log says why.",
    });
  });

  it('says the backend did not answer on a network failure', () => {
    expect(describeError(new TypeError('Failed to fetch'))).toEqual({
      message: 'Failed to fetch',
      hint: expect.stringContaining('did not answer'),
    });
  });
});
