import { mockServices } from '@backstage/backend-test-utils';
import { GENERIC_MESSAGE } from './errorAnswer';
import { withCorrelationId } from './correlationId';
import { createErrorResponseFilter } from './errorResponseFilter';

const INSTALL = '/srv/strata';
const stack = `Error: boom\n    at run (${INSTALL}/plugins/x/src/run.ts:6:11)`;

function setup(keepsServerMessage?: (method: string, path: string) => boolean) {
  const logger = mockServices.logger.mock();
  const log = mockServices.logger.mock();
  logger.child.mockReturnValue(log);
  const filter = createErrorResponseFilter({
    logger,
    installPaths: [INSTALL],
    correlationId: () => 'corr-1',
    keepsServerMessage,
  });

  /** Runs a route behind the filter; returns what reaches the caller (status, headers, text). */
  function run(
    method: string,
    url: string,
    route: (res: any, req: { path: string }) => void,
  ): { status: number; headers: Record<string, string>; text?: string } {
    const sent = {
      status: 200,
      headers: {} as Record<string, string>,
      text: undefined as string | undefined,
    };
    // Express's res.json and res.send as they behave: json sets the type and calls send.
    const res: any = {
      get statusCode() {
        return sent.status;
      },
      status(code: number) {
        sent.status = code;
        return res;
      },
      setHeader(name: string, value: string) {
        sent.headers[name.toLowerCase()] = value;
      },
      get(name: string) {
        return sent.headers[name.toLowerCase()];
      },
      json(body: unknown) {
        if (!res.get('Content-Type'))
          res.setHeader('Content-Type', 'application/json');
        return res.send(JSON.stringify(body));
      },
      send(body: unknown) {
        if (typeof body === 'object' && !Buffer.isBuffer(body))
          return res.json(body);
        sent.text = String(body);
        return res;
      },
    };
    const next = jest.fn();
    const req = { method, path: url, originalUrl: url };
    filter(req as never, res, next);
    expect(next).toHaveBeenCalledWith();
    route(res, req);
    return sent;
  }
  return { run, log };
}

const upstreamAnswer = (name: string, message: string, statusCode: number) => ({
  error: { name, message, stack },
  request: { method: 'GET', url: '/x' },
  response: { statusCode },
});

describe('createErrorResponseFilter', () => {
  it('answers an unintended 500 with the generic message and a correlation id; logs the original under it', () => {
    const { run, log } = setup();
    const answer = run('GET', '/api/demo/x', res =>
      res
        .status(500)
        .json(upstreamAnswer('Error', `boom in ${INSTALL}/a.ts`, 500)),
    );
    expect(answer.status).toBe(500);
    expect(answer.headers['x-correlation-id']).toBe('corr-1');
    expect(JSON.parse(answer.text!)).toEqual({
      error: { name: 'Error', message: GENERIC_MESSAGE },
      request: { method: 'GET', url: '/x' },
      response: { statusCode: 500 },
      correlationId: 'corr-1',
    });
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(log.error).toHaveBeenCalledWith(
      `Request GET /api/demo/x answered 500 Error: boom in ${INSTALL}/a.ts (correlation id corr-1)`,
      {
        correlationId: 'corr-1',
        statusCode: 500,
        method: 'GET',
        url: '/api/demo/x',
      },
    );
  });

  it('keeps a client error’s message, without stack, and logs it at info', () => {
    const { run, log } = setup();
    const answer = run('POST', '/api/demo/x', res =>
      res
        .status(400)
        .json(upstreamAnswer('InputError', 'name is missing', 400)),
    );
    expect(JSON.parse(answer.text!)).toEqual({
      error: { name: 'InputError', message: 'name is missing' },
      request: { method: 'GET', url: '/x' },
      response: { statusCode: 400 },
      correlationId: 'corr-1',
    });
    expect(log.info).toHaveBeenCalledWith(
      expect.stringContaining(
        '400 InputError: name is missing (correlation id corr-1)',
      ),
      expect.objectContaining({ correlationId: 'corr-1' }),
    );
  });

  it('filters JSON text sent with res.send and a JSON content type', () => {
    const { run } = setup();
    const answer = run('GET', '/api/demo/x', res => {
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res
        .status(502)
        .send(
          Buffer.from(
            JSON.stringify(upstreamAnswer('Error', 'upstream down', 502)),
          ),
        );
    });
    expect(JSON.parse(answer.text!)).toMatchObject({
      error: { name: 'Error', message: GENERIC_MESSAGE },
      correlationId: 'corr-1',
    });
  });

  it('keeps a server error’s message where asked (a failed dry run), judged by the full path', () => {
    const { run } = setup(
      (method, path) =>
        method === 'POST' && path === '/api/scaffolder/v2/dry-run',
    );
    const answer = run('POST', '/api/scaffolder/v2/dry-run', (res, req) => {
      // Inside the plugin's router, Express makes the path relative to its mount point.
      req.path = '/v2/dry-run';
      res.status(500).json(upstreamAnswer('Error', 'step failed', 500));
    });
    expect(JSON.parse(answer.text!).error).toEqual({
      name: 'Error',
      message: 'step failed',
    });
  });

  it('leaves successes, other bodies, non-API paths and answers that already have an id alone', () => {
    const { run, log } = setup();
    const withStack = upstreamAnswer('Error', 'boom', 500);
    const cases: Array<[string, (res: any) => void, string]> = [
      [
        '/api/demo/x',
        res => res.status(200).json(withStack),
        JSON.stringify(withStack),
      ],
      [
        '/api/demo/x',
        res => res.status(400).json({ errors: [stack] }),
        JSON.stringify({ errors: [stack] }),
      ],
      ['/api/demo/x', res => res.status(500).send(stack), stack],
      [
        '/api/demo/x',
        res => {
          res.setHeader('Content-Type', 'application/json');
          res.status(500).send('{not json');
        },
        '{not json',
      ],
      [
        '/.backstage/health/v1/readiness',
        res => res.status(503).json(withStack),
        JSON.stringify(withStack),
      ],
    ];
    for (const [url, route, text] of cases) {
      expect(run('GET', url, route).text).toBe(text);
    }
    // The root router's error handler already answered with its id.
    const own = run('GET', '/api/demo/x', res =>
      res
        .status(403)
        .json(
          withCorrelationId(
            res,
            'corr-own',
            upstreamAnswer('NotAllowedError', 'no', 403),
          ),
        ),
    );
    expect(own.headers['x-correlation-id']).toBe('corr-own');
    expect(JSON.parse(own.text!).correlationId).toBe('corr-own');
    expect(log.error).not.toHaveBeenCalled();
    expect(log.info).not.toHaveBeenCalled();
  });
});
