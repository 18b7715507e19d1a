import http from 'node:http';
import { AddressInfo } from 'node:net';

export type FakePortal = {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** The entity refs of each by-refs request, and its Authorization header. */
  requests: { entityRefs: string[]; authorization?: string }[];
  close(): Promise<void>;
};

function entityFor(ref: string) {
  const [kind, rest] = ref.split(':');
  const [namespace, name] = rest.split('/');
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { namespace, name },
  };
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/**
 * A stand-in for a portal's catalog on 127.0.0.1: answers
 * POST /api/catalog/entities/by-refs as the Backstage catalog does, with the
 * entity for each known ref and null for the others, in request order.
 */
export async function startFakePortal(options: {
  entities: string[];
  token?: string;
}): Promise<FakePortal> {
  const known = new Set(options.entities.map(e => e.toLowerCase()));
  const requests: FakePortal['requests'] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', () => {
      if (
        req.method !== 'POST' ||
        req.url !== '/api/catalog/entities/by-refs'
      ) {
        send(res, 404, {
          error: { name: 'NotFoundError', message: 'Not found' },
        });
        return;
      }
      const authorization = req.headers.authorization;
      if (options.token && authorization !== `Bearer ${options.token}`) {
        send(res, 401, {
          error: {
            name: 'AuthenticationError',
            message: 'Missing credentials',
          },
          response: { statusCode: 401 },
        });
        return;
      }
      const { entityRefs } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      requests.push({ entityRefs, authorization });
      send(res, 200, {
        items: entityRefs.map((ref: string) =>
          known.has(ref.toLowerCase()) ? entityFor(ref.toLowerCase()) : null,
        ),
      });
    });
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise(resolve => server.close(() => resolve())),
  };
}

/** A URL on 127.0.0.1 where nothing listens. */
export async function unusedLocalUrl(): Promise<string> {
  const portal = await startFakePortal({ entities: [] });
  await portal.close();
  return portal.url;
}
