import express from 'express';
import request from 'supertest';
import { jsonBody } from './jsonBody';

function app() {
  return express()
    .use(jsonBody({ limitBytes: 1024 }))
    .post('/echo', (req, res) => {
      res.json({ received: req.body ?? null });
    })
    .use(
      (
        error: Error,
        _req: express.Request,
        res: express.Response,
        _next: express.NextFunction,
      ) => {
        res.status(400).json({ error: { name: error.name } });
      },
    );
}

describe('jsonBody', () => {
  it('parses a JSON body', async () => {
    const res = await request(app()).post('/echo').send({ a: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ received: { a: 1 } });
  });

  it('answers 415 for a body that is not JSON, in Backstage error shape', async () => {
    const res = await request(app())
      .post('/echo')
      .set('content-type', 'text/plain')
      .send('hello');
    expect(res.status).toBe(415);
    expect(res.body).toEqual({
      error: {
        name: 'UnsupportedMediaTypeError',
        message:
          'The request body must be JSON (Content-Type: application/json), not text/plain',
      },
      request: { method: 'POST', url: '/echo' },
      response: { statusCode: 415 },
    });
  });

  it('answers 413 for a body over the limit, naming it', async () => {
    const res = await request(app())
      .post('/echo')
      .send({ text: 'x'.repeat(2048) });
    expect(res.status).toBe(413);
    expect(res.body.error).toEqual({
      name: 'PayloadTooLargeError',
      message: 'The request body is larger than 1 KiB',
    });
  });

  it('leaves malformed JSON to the error handler', async () => {
    const res = await request(app())
      .post('/echo')
      .set('content-type', 'application/json')
      .send('{"a":');
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('SyntaxError');
  });
});
