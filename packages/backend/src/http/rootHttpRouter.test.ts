import {
  mockServices,
  ServiceFactoryTester,
} from '@backstage/backend-test-utils';
import { AddressInfo, createServer } from 'node:net';
import request from 'supertest';
import { strataRootHttpRouterServiceFactory } from './rootHttpRouter';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise(resolve => server.close(resolve));
  return port;
}

describe('strataRootHttpRouterServiceFactory', () => {
  const previousNodeEnv = process.env.NODE_ENV;
  afterEach(() => {
    process.env.NODE_ENV = previousNodeEnv;
  });

  it('serves health and routes, and answers errors without stacks even in development', async () => {
    // Upstream's handler adds stack traces in development.
    process.env.NODE_ENV = 'development';
    const port = await freePort();
    const tester = ServiceFactoryTester.from(
      strataRootHttpRouterServiceFactory,
      {
        dependencies: [
          mockServices.rootConfig.factory({
            data: {
              backend: {
                baseUrl: `http://127.0.0.1:${port}`,
                listen: { host: '127.0.0.1', port },
              },
            },
          }),
        ],
      },
    );
    const router = await tester.getSubject();
    router.use('/api/demo', (req, _res, next) => {
      if (req.path === '/crash') {
        next(new Error(`Cannot read ${process.cwd()}/config.yaml`));
      } else if (req.path === '/missing') {
        next(
          Object.assign(new Error('No such entity'), { name: 'NotFoundError' }),
        );
      } else {
        next();
      }
    });
    const base = `http://127.0.0.1:${port}`;

    const health = await request(base).get('/.backstage/health/v1/liveness');
    expect(health.status).toBe(200);

    const crash = await request(base).get('/api/demo/crash');
    expect(crash.status).toBe(500);
    expect(crash.body).toEqual({
      error: {
        name: 'Error',
        message: expect.stringContaining('correlation id'),
      },
      request: { method: 'GET', url: '/api/demo/crash' },
      response: { statusCode: 500 },
      correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(crash.headers['x-correlation-id']).toBe(crash.body.correlationId);
    expect(crash.text).not.toContain(process.cwd());
    expect(crash.text).not.toContain('stack');

    const missing = await request(base).get('/api/demo/missing');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toEqual({
      name: 'NotFoundError',
      message: 'No such entity',
    });

    const unknownRoute = await request(base).get('/api/nothing-here');
    expect(unknownRoute.status).toBe(404);
  });

  it('runs Strata’s request middleware after CORS and compression, before the routes', async () => {
    const port = await freePort();
    const tester = ServiceFactoryTester.from(
      strataRootHttpRouterServiceFactory,
      {
        dependencies: [
          mockServices.rootConfig.factory({
            data: {
              backend: {
                baseUrl: `http://127.0.0.1:${port}`,
                listen: { host: '127.0.0.1', port },
                cors: { origin: 'http://portal.test' },
              },
            },
          }),
        ],
      },
    );
    const router = await tester.getSubject();
    const reached = jest.fn();
    router.use('/api/catalog', (_req, res) => {
      reached();
      res.status(200).json({});
    });
    const frame = `\n    at run (${process.cwd()}/src/run.ts:1:1)`;
    router.use('/api/scaffolder', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream' });
      const event = { type: 'log', body: { message: `Error: boom${frame}` } };
      res.write(`event: log\ndata: ${JSON.stringify(event)}\n\n`);
      res.end();
    });
    const base = `http://127.0.0.1:${port}`;

    // Refused before the catalog sees it, with CORS headers a browser needs to read the 403.
    const refused = await request(base)
      .put('/api/catalog/locations/some-id')
      .set('Origin', 'http://portal.test')
      .send({ type: 'url', target: 'https://example.test/x.yaml' });
    expect(refused.status).toBe(403);
    expect(refused.headers['access-control-allow-origin']).toBe(
      'http://portal.test',
    );
    expect(refused.body.error.name).toBe('NotAllowedError');
    expect(reached).not.toHaveBeenCalled();

    // Compressed on the wire, scrubbed before compression.
    const stream = await request(base)
      .get('/api/scaffolder/v2/tasks/t1/eventstream')
      .set('Accept-Encoding', 'gzip')
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        res.on('end', () => done(null, text));
      });
    expect(stream.headers['content-encoding']).toBe('gzip');
    expect(stream.body).toBe(
      `event: log\ndata: ${JSON.stringify({
        type: 'log',
        body: { message: 'Error: boom' },
      })}\n\n`,
    );
  });
});
