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
  it("uses the backend's own message, with the status", async () => {
    const error = await responseError(400, 'Bad Request', {
      error: {
        name: 'InputError',
        message: 'entityRef: not a valid entity reference',
      },
      response: { statusCode: 400 },
    });
    expect(describeError(error)).toEqual({
      message: '400: entityRef: not a valid entity reference',
      hint: expect.stringContaining('names the field'),
    });
  });

  it('falls back to the status line and points at the log for server errors', async () => {
    const error = await responseError(502, 'Bad Gateway');
    expect(describeError(error)).toEqual({
      message: expect.stringMatching(/^502/),
      hint: "The deployments backend failed; the portal's backend log says why.",
    });
  });

  it('says the backend did not answer on a network failure', () => {
    expect(describeError(new TypeError('Failed to fetch'))).toEqual({
      message: 'Failed to fetch',
      hint: expect.stringContaining('did not answer'),
    });
  });
});
