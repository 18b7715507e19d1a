import { ResponseError } from '@backstage/errors';
import { describeError, ErrorHints } from './describeError';

const hints: ErrorHints = {
  backend: 'deployments',
  byStatus: {
    400: 'The portal sent a request the deployments backend does not accept; the message names the field.',
    404: 'The deployments backend does not know this entity, or is not installed in the portal.',
  },
};

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
  it("uses the backend's own message, with the status and the plugin's hint", async () => {
    const error = await responseError(400, 'Bad Request', {
      error: {
        name: 'InputError',
        message: 'entityRef: not a valid entity reference',
      },
      response: { statusCode: 400 },
    });
    expect(describeError(error, hints)).toEqual({
      message: '400: entityRef: not a valid entity reference',
      hint: expect.stringContaining('names the field'),
    });
  });

  it('falls back to the status line and points at the log for server errors, naming the backend', async () => {
    const error = await responseError(502, 'Bad Gateway');
    expect(describeError(error, hints)).toEqual({
      message: '502: Request failed with status 502 Bad Gateway, oops',
      hint: "The deployments backend failed; the portal's backend log says why.",
    });
  });

  it('says a 401 is an expired session unless the plugin says otherwise', async () => {
    const error = await responseError(401, 'Unauthorized');
    expect(describeError(error, hints).hint).toBe(
      'Your session has expired: reload the page to sign in again.',
    );
    expect(
      describeError(error, { ...hints, byStatus: { 401: 'Sign in again.' } })
        .hint,
    ).toBe('Sign in again.');
  });

  it('gives no hint for a client error the plugin does not explain', async () => {
    const error = await responseError(409, 'Conflict');
    expect(describeError(error, hints).hint).toBeUndefined();
  });

  it('says the status line when the error carries no message of its own', () => {
    const error = Object.assign(new Error('Request failed'), {
      name: 'ResponseError',
      statusCode: 504,
      statusText: 'Gateway Timeout',
    });
    expect(describeError(error, hints)).toEqual({
      message: '504 Gateway Timeout',
      hint: "The deployments backend failed; the portal's backend log says why.",
    });
  });

  it('recognises a ResponseError by name (another copy of @backstage/errors)', () => {
    const error = Object.assign(new Error('Request failed with 404'), {
      name: 'ResponseError',
      statusCode: 404,
      statusText: 'Not Found',
      cause: { name: 'NotFoundError', message: 'no such entity' },
    });
    expect(describeError(error, hints)).toEqual({
      message: '404: no such entity',
      hint: expect.stringContaining('does not know this entity'),
    });
  });

  it('says the backend did not answer on a network failure', () => {
    expect(describeError(new TypeError('Failed to fetch'), hints)).toEqual({
      message: 'Failed to fetch',
      hint: expect.stringContaining('did not answer'),
    });
  });

  it("keeps any other error's message, without a guess at a hint", () => {
    expect(describeError(new Error('the lookup was empty'), hints)).toEqual({
      message: 'the lookup was empty',
    });
  });
});
