import { mockServices } from '@backstage/backend-test-utils';
import { createErrorHandler, GENERIC_MESSAGE } from './errorHandler';

const INSTALL = '/srv/strata';

class InputError extends Error {
  name = 'InputError';
}
class ServiceUnavailableError extends Error {
  name = 'ServiceUnavailableError';
}
class TemplateRenderError extends Error {
  name = 'TemplateRenderError';
}

type Answer = {
  status: number;
  headers: Record<string, string>;
  body: any;
  text: string;
};

/** Runs the handler on an error thrown by `GET /fail`; returns what the caller gets. */
function appThrowing(error: unknown) {
  const logger = mockServices.logger.mock();
  const child = mockServices.logger.mock();
  logger.child.mockReturnValue(child);
  const handler = createErrorHandler({
    logger,
    redactPaths: [INSTALL],
    correlationId: () => 'corr-1',
  });
  const answer = (): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const result: Answer = {
        status: 0,
        headers: {},
        body: undefined,
        text: '',
      };
      const res = {
        headersSent: false,
        setHeader(name: string, value: string) {
          result.headers[name.toLowerCase()] = value;
          return res;
        },
        status(code: number) {
          result.status = code;
          return res;
        },
        json(body: unknown) {
          result.text = JSON.stringify(body);
          result.body = JSON.parse(result.text);
          resolve(result);
          return res;
        },
      };
      const req = { method: 'GET', originalUrl: '/fail', url: '/fail' };
      handler(error, req as never, res as never, reject);
    });
  return { answer, log: child };
}

const stackful = (ErrorClass: new (m: string) => Error, message: string) => {
  const error = new ErrorClass(message);
  error.stack = `${error.name}: ${message}\n    at handler (${INSTALL}/plugins/x/src/router.ts:10:5)`;
  return error;
};

describe('createErrorHandler', () => {
  it('answers a Backstage error with its status and message, a correlation id, and no stack', async () => {
    const { answer, log } = appThrowing(
      stackful(InputError, 'name is missing'),
    );
    const response = await answer();
    expect(response.status).toBe(400);
    expect(response.headers['x-correlation-id']).toBe('corr-1');
    expect(response.body).toEqual({
      error: { name: 'InputError', message: 'name is missing' },
      request: { method: 'GET', url: '/fail' },
      response: { statusCode: 400 },
      correlationId: 'corr-1',
    });
    expect(response.text).not.toContain(INSTALL);
    expect(log.info).toHaveBeenCalledWith(
      expect.stringContaining('(correlation id corr-1)'),
      expect.objectContaining({ correlationId: 'corr-1', statusCode: 400 }),
    );
  });

  it('answers an unknown error with a generic 500, and logs it in full under the same id', async () => {
    const error = stackful(
      Error,
      `ENOENT: no such file or directory, open '${INSTALL}/.data/secret.yaml'`,
    );
    const { answer, log } = appThrowing(error);
    const response = await answer();
    expect(response.status).toBe(500);
    expect(response.body).toEqual({
      error: { name: 'Error', message: GENERIC_MESSAGE },
      request: { method: 'GET', url: '/fail' },
      response: { statusCode: 500 },
      correlationId: 'corr-1',
    });
    expect(response.text).not.toContain(INSTALL);
    expect(response.text).not.toContain('router.ts');
    expect(log.error).toHaveBeenCalledWith(
      'Request failed with status 500 (correlation id corr-1)',
      error,
    );
  });

  it('answers a thrown non-error with a generic 500', async () => {
    const { answer } = appThrowing('just a string');
    const response = await answer();
    expect(response.status).toBe(500);
    expect(response.body.error.message).toBe(GENERIC_MESSAGE);
  });

  it('keeps the message of an intentional server error, without install paths', async () => {
    const { answer } = appThrowing(
      new ServiceUnavailableError(
        `The catalog does not answer (config in ${INSTALL}/app-config.yaml)`,
      ),
    );
    const response = await answer();
    expect(response.status).toBe(503);
    expect(response.body.error).toEqual({
      name: 'ServiceUnavailableError',
      message: 'The catalog does not answer (config in …/app-config.yaml)',
    });
  });

  it('answers a template syntax error with 400, not 500', async () => {
    const { answer } = appThrowing(
      new TemplateRenderError('Unexpected token "}" at line 1, column 12'),
    );
    const response = await answer();
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('TemplateRenderError');
  });

  it('keeps the status of an error that carries one (413, 415, 422)', async () => {
    for (const statusCode of [413, 415, 422]) {
      const error = Object.assign(new Error(`status ${statusCode}`), {
        statusCode,
      });
      const { answer } = appThrowing(error);
      const response = await answer();
      expect(response.status).toBe(statusCode);
      expect(response.body.error.message).toBe(`status ${statusCode}`);
    }
  });
});
