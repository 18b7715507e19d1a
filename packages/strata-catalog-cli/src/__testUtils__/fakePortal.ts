import http from 'node:http';
import { AddressInfo } from 'node:net';
import {
  validateCatalogFiles,
  ValidateRequest,
  ValidateResponse,
  withMissingReferences,
} from '@internal/plugin-catalog-validation-common';

export type FakePortal = {
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Each validate request: the files' paths, checkReferences, its Authorization header. */
  requests: {
    files: string[];
    checkReferences?: boolean;
    authorization?: string;
  }[];
  close(): Promise<void>;
};

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function error(
  res: http.ServerResponse,
  status: number,
  name: string,
  message: string,
) {
  send(res, status, {
    error: { name, message },
    response: { statusCode: status },
  });
}

/**
 * A stand-in for a portal on 127.0.0.1 that, like a CI token restricted to
 * catalog-validation, offers only `POST /api/catalog-validation/validate`:
 * it validates the files with the same library as catalog-validation-backend
 * and, with `checkReferences`, reports references to entities that are
 * neither in the files nor in `entities` as missing-reference violations.
 * Every other path (the catalog's by-refs API included) is 404.
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
    req.on('end', async () => {
      if (
        req.method !== 'POST' ||
        req.url !== '/api/catalog-validation/validate'
      ) {
        error(res, 404, 'NotFoundError', 'Not found');
        return;
      }
      const authorization = req.headers.authorization;
      if (options.token && authorization !== `Bearer ${options.token}`) {
        error(res, 401, 'AuthenticationError', 'Missing credentials');
        return;
      }
      const body: ValidateRequest = JSON.parse(
        Buffer.concat(chunks).toString('utf8'),
      );
      requests.push({
        files: body.files.map(f => f.path),
        checkReferences: body.checkReferences,
        authorization,
      });
      if (body.files.length > 200) {
        error(res, 413, 'PayloadTooLargeError', 'too many files');
        return;
      }
      let result = validateCatalogFiles(
        body.files.map(f => ({ path: f.path, text: f.content })),
        { strict: body.strict },
      );
      if (body.checkReferences) {
        result = await withMissingReferences(result, async refs =>
          refs.filter(ref => known.has(ref)),
        );
      }
      const answer: ValidateResponse = {
        files: result.files.length,
        entities: result.entities.length,
        errors: result.errors,
        warnings: result.warnings,
        violations: result.violations,
      };
      send(res, 200, answer);
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
