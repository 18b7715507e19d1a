import { mockErrorHandler } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { openApiRouterFactory } from './openApiRouterFactory';

// A generated router.ts in miniature: its spec and its EndpointMap.
const spec = {
  openapi: '3.1.0',
  info: { title: 'greet', version: '1' },
  paths: {
    '/hello': {
      get: {
        operationId: 'Hello',
        parameters: [
          {
            name: 'name',
            in: 'query',
            required: true,
            schema: { type: 'string', minLength: 1 },
          },
        ],
        responses: {
          '200': {
            description: 'A greeting.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { text: { type: 'string' } },
                  required: ['text'],
                },
              },
            },
          },
        },
      },
    },
  },
  components: {},
} as const;

type EndpointMap = {
  '#get|/hello': { query: { name: string }; response: { text: string } };
};

const createOpenApiRouter = openApiRouterFactory<EndpointMap>(spec);

async function app() {
  const router = await createOpenApiRouter();
  router.get('/hello', (req, res) => {
    // Typed from the EndpointMap: req.query.name is a string.
    res.json({ text: `hello ${req.query.name}` });
  });
  return express().use(router).use(mockErrorHandler());
}

describe('openApiRouterFactory', () => {
  it("serves the spec's operations with the typed handlers", async () => {
    const res = await request(await app()).get('/hello?name=ada');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ text: 'hello ada' });
  });

  it('refuses a request the spec refuses, with 400 in Backstage error shape', async () => {
    const res = await request(await app()).get('/hello');
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
    expect(res.body.error.message).toMatch(/name/);
  });

  it('passes its options on: extra middleware runs before the handlers', async () => {
    const seen: string[] = [];
    const router = await createOpenApiRouter({
      middleware: [
        (req, _res, next) => {
          seen.push(req.path);
          next();
        },
      ],
    });
    router.get('/hello', (req, res) => {
      res.json({ text: req.query.name });
    });
    const res = await request(express().use(router)).get('/hello?name=x');
    expect(res.status).toBe(200);
    expect(seen).toEqual(['/hello']);
  });
});
