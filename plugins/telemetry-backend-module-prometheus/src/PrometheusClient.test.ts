import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { AddressInfo } from 'node:net';
import { PrometheusClient } from './PrometheusClient';

/** A stand-in for Prometheus' HTTP API on 127.0.0.1 that answers what each test sets. */
let server: Server;
let baseUrl: string;
let answer: (req: IncomingMessage, body: string, res: ServerResponse) => void;
const seen: Array<{
  url?: string;
  headers: IncomingMessage['headers'];
  body: string;
}> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', c => (body += c));
    req.on('end', () => {
      seen.push({ url: req.url, headers: req.headers, body });
      answer(req, body, res);
    });
  });
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise(r => server.close(r));
});

beforeEach(() => {
  seen.length = 0;
});

function json(res: ServerResponse, status: number, value: unknown) {
  res
    .writeHead(status, { 'content-type': 'application/json' })
    .end(JSON.stringify(value));
}

const client = (timeoutMs = 5000) =>
  new PrometheusClient({
    baseUrl,
    headers: { authorization: 'Bearer s3cret' },
    timeoutMs,
  });

describe('PrometheusClient', () => {
  it('POSTs form-encoded instant queries with the configured headers and reads a vector', async () => {
    answer = (_req, _body, res) =>
      json(res, 200, {
        status: 'success',
        data: {
          resultType: 'vector',
          result: [{ metric: { le: '100' }, value: [1767229200, '42'] }],
        },
      });
    const result = await client().query(
      'sum(up)',
      new Date('2026-01-01T01:00:00Z'),
    );
    expect(result).toEqual([
      { metric: { le: '100' }, values: [[1767229200, '42']] },
    ]);
    expect(seen[0].url).toBe('/api/v1/query');
    expect(seen[0].headers.authorization).toBe('Bearer s3cret');
    expect(seen[0].headers['content-type']).toBe(
      'application/x-www-form-urlencoded',
    );
    expect(Object.fromEntries(new URLSearchParams(seen[0].body))).toEqual({
      query: 'sum(up)',
      time: '1767229200',
    });
  });

  it('sends range queries with start, end and the step in seconds, and reads a matrix', async () => {
    answer = (_req, _body, res) =>
      json(res, 200, {
        status: 'success',
        data: {
          resultType: 'matrix',
          result: [
            {
              metric: {},
              values: [
                [1, '1'],
                [2, '3'],
              ],
            },
          ],
        },
      });
    const result = await client().queryRange(
      'x',
      new Date(1000),
      new Date(2000),
      1000,
    );
    expect(result).toEqual([
      {
        metric: {},
        values: [
          [1, '1'],
          [2, '3'],
        ],
      },
    ]);
    expect(seen[0].url).toBe('/api/v1/query_range');
    expect(Object.fromEntries(new URLSearchParams(seen[0].body))).toEqual({
      query: 'x',
      start: '1',
      end: '2',
      step: '1',
    });
  });

  it("names the URL and Prometheus' own error on a 4xx", async () => {
    answer = (_req, _body, res) =>
      json(res, 422, {
        status: 'error',
        errorType: 'execution',
        error: 'query processing would load too many samples into memory',
      });
    await expect(client().query('x', new Date())).rejects.toThrow(
      `Prometheus at ${baseUrl}/api/v1/query answered 422: execution: query processing would load too many samples into memory`,
    );
  });

  it('quotes the start of a non-JSON 5xx body (a proxy in front of Mimir)', async () => {
    answer = (_req, _body, res) =>
      res.writeHead(502).end('<html>Bad Gateway</html>');
    await expect(client().query('x', new Date())).rejects.toThrow(
      `Prometheus at ${baseUrl}/api/v1/query answered 502: <html>Bad Gateway</html>`,
    );
  });

  it('refuses an answer of the wrong shape', async () => {
    answer = (_req, _body, res) =>
      json(res, 200, {
        status: 'success',
        data: { resultType: 'scalar', result: [1, '2'] },
      });
    await expect(client().query('x', new Date())).rejects.toThrow(
      'answered a scalar result where a vector or matrix was expected',
    );
  });

  it('says when Prometheus does not answer in time', async () => {
    answer = () => undefined; // never answers
    await expect(client(300).query('x', new Date())).rejects.toThrow(
      `Prometheus at ${baseUrl}/api/v1/query did not answer within 300 ms`,
    );
  });

  it('keeps at most maxConcurrentQueries in flight, and answers them all', async () => {
    let open = 0;
    let most = 0;
    answer = (_req, body, res) => {
      open += 1;
      most = Math.max(most, open);
      setTimeout(() => {
        open -= 1;
        const query = new URLSearchParams(body).get('query');
        json(res, 200, {
          status: 'success',
          data: {
            resultType: 'vector',
            result: [{ metric: {}, value: [0, query] }],
          },
        });
      }, 20);
    };
    const limited = new PrometheusClient({
      baseUrl,
      headers: {},
      timeoutMs: 5000,
      maxConcurrentQueries: 3,
    });
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        limited.query(String(i), new Date(0)),
      ),
    );
    expect(answers.map(a => a[0].values[0][1])).toEqual(
      Array.from({ length: 10 }, (_, i) => String(i)),
    );
    expect(most).toBe(3);
  });

  it('says when Prometheus is unreachable, with the reason', async () => {
    const closed = createServer();
    await new Promise<void>(r => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise(r => closed.close(r));
    const unreachable = new PrometheusClient({
      baseUrl: `http://127.0.0.1:${port}`,
      headers: {},
      timeoutMs: 5000,
    });
    await expect(unreachable.query('x', new Date())).rejects.toThrow(
      new RegExp(
        `^Prometheus at http://127.0.0.1:${port}/api/v1/query is unreachable: .*ECONNREFUSED`,
      ),
    );
  });
});
