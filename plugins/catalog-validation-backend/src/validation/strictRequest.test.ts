/*
 * The request contract of POST /validate for `strict`, on the router generated from
 * src/schema/openapi.yaml: a boolean is accepted and reaches the handler, anything else is a
 * 400 before the handler runs.
 */
import { mockErrorHandler } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { createOpenApiRouter } from '../schema/openapi';

async function app() {
  const router = await createOpenApiRouter();
  const seen: unknown[] = [];
  router.post('/validate', (req, res) => {
    seen.push(req.body.strict);
    res.json({ files: 0, entities: 0, errors: 0, warnings: 0, violations: [] });
  });
  return {
    seen,
    server: express().use(express.json()).use(router).use(mockErrorHandler()),
  };
}

describe('POST /validate strict', () => {
  it.each([true, false, undefined])('accepts strict: %p', async strict => {
    const { server, seen } = await app();
    const res = await request(server)
      .post('/validate')
      .send({ files: [], ...(strict !== undefined && { strict }) });
    expect(res.status).toBe(200);
    expect(seen).toEqual([strict]);
  });

  it.each(['yes', 1, null])('refuses strict: %p', async strict => {
    const { server, seen } = await app();
    const res = await request(server)
      .post('/validate')
      .send({ files: [], strict });
    expect(res.status).toBe(400);
    expect(seen).toEqual([]);
  });
});
