import type { ErrorResponseBody } from '@backstage/errors';
import {
  callerErrorBody,
  GENERIC_MESSAGE,
  isErrorResponseBody,
  isMessageForCaller,
} from './errorAnswer';

const INSTALL = '/srv/strata';
const paths = [INSTALL];
const stack = (message: string) =>
  `Error: ${message}\n    at handler (${INSTALL}/plugins/x/src/router.ts:10:5)`;

/** What upstream's error middleware answers in development. */
const answer = (
  error: { name: string; message: string; [field: string]: unknown },
  statusCode: number,
  url = '/entities',
): ErrorResponseBody => ({
  error: {
    stack: stack(error.message),
    ...error,
  } as ErrorResponseBody['error'],
  request: { method: 'GET', url },
  response: { statusCode },
});

describe('isErrorResponseBody', () => {
  it('accepts Backstage’s error shape, with or without request', () => {
    expect(
      isErrorResponseBody(answer({ name: 'Error', message: 'x' }, 500)),
    ).toBe(true);
    expect(
      isErrorResponseBody({
        error: { name: 'InputError', message: 'x' },
        response: { statusCode: 400 },
      }),
    ).toBe(true);
  });

  it.each([
    ['an array', [{ error: { name: 'E', message: 'm' } }]],
    ['a string', 'Not found'],
    ['a dry run’s validation errors', { errors: [{ message: 'x' }] }],
    [
      'an error without message',
      { error: { name: 'E' }, response: { statusCode: 400 } },
    ],
    ['an error string', { error: 'boom', response: { statusCode: 400 } }],
    ['no response', { error: { name: 'E', message: 'm' } }],
  ])('rejects %s', (_what, body) => {
    expect(isErrorResponseBody(body)).toBe(false);
  });
});

describe('isMessageForCaller', () => {
  it('shows client errors and intentional server errors, not other server errors', () => {
    expect(isMessageForCaller('InputError', 400)).toBe(true);
    expect(isMessageForCaller('Error', 404)).toBe(true);
    expect(isMessageForCaller('ServiceUnavailableError', 503)).toBe(true);
    expect(isMessageForCaller('NotImplementedError', 501)).toBe(true);
    expect(isMessageForCaller('Error', 500)).toBe(false);
    expect(isMessageForCaller('DatabaseError', 502)).toBe(false);
  });
});

describe('callerErrorBody', () => {
  it('keeps a client error’s name and message, drops the stacks of the error and every cause', () => {
    const body = answer(
      {
        name: 'InputError',
        message: `Invalid entity in ${INSTALL}/examples/entities.yaml`,
        cause: {
          name: 'TypeError',
          message: 'inner',
          stack: stack('inner'),
          cause: {
            name: 'Error',
            message: 'innermost',
            stack: stack('innermost'),
          },
        },
      },
      400,
    );
    const shown = callerErrorBody(body, {
      statusCode: 400,
      installPaths: paths,
    });
    expect(shown).toEqual({
      error: {
        name: 'InputError',
        message: 'Invalid entity in …/examples/entities.yaml',
        cause: {
          name: 'TypeError',
          message: 'inner',
          cause: { name: 'Error', message: 'innermost' },
        },
      },
      request: { method: 'GET', url: '/entities' },
      response: { statusCode: 400 },
    });
    expect(JSON.stringify(shown)).not.toContain('stack');
  });

  it('replaces an unintended server error with the generic message', () => {
    const body = answer(
      {
        name: 'Error',
        message: `ENOENT: no such file or directory, open '${INSTALL}/.data/secret.yaml'`,
        code: 'ENOENT',
        path: `${INSTALL}/.data/secret.yaml`,
      },
      500,
    );
    expect(
      callerErrorBody(body, { statusCode: 500, installPaths: paths }),
    ).toEqual({
      error: { name: 'Error', message: GENERIC_MESSAGE },
      request: { method: 'GET', url: '/entities' },
      response: { statusCode: 500 },
    });
  });

  it('keeps an intentional server error’s message, without install paths', () => {
    const body = answer(
      {
        name: 'ServiceUnavailableError',
        message: `No config at ${INSTALL}/app-config.yaml`,
      },
      503,
    );
    expect(
      callerErrorBody(body, { statusCode: 503, installPaths: paths }).error,
    ).toEqual({
      name: 'ServiceUnavailableError',
      message: 'No config at …/app-config.yaml',
    });
  });

  it('keeps a server error’s message when asked to (a failed dry run), still without stack or paths', () => {
    const body = answer(
      { name: 'Error', message: `deploy refused (see ${INSTALL}/deploy.yaml)` },
      500,
    );
    expect(
      callerErrorBody(body, {
        statusCode: 500,
        installPaths: paths,
        keepServerMessage: true,
      }).error,
    ).toEqual({ name: 'Error', message: 'deploy refused (see …/deploy.yaml)' });
  });

  it('judges by the status the caller gets and cuts install paths from every other string', () => {
    const body = {
      ...answer(
        {
          name: 'Error',
          message: 'Request body too large',
          details: {
            file: `${INSTALL}/tmp/upload`,
            sizes: [1, `${INSTALL}/x`],
          },
        },
        413,
        `/read?path=${INSTALL}/secrets`,
      ),
    };
    expect(
      callerErrorBody(body, { statusCode: 413, installPaths: paths }),
    ).toEqual({
      error: {
        name: 'Error',
        message: 'Request body too large',
        details: { file: '…/tmp/upload', sizes: [1, '…/x'] },
      },
      request: { method: 'GET', url: '/read?path=…/secrets' },
      response: { statusCode: 413 },
    });
  });
});
