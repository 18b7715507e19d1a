/** Adapts the routes to Node's http module: body parsing and JSON responses. */
import http from 'node:http';
import type { ApiRequest, ApiResponse } from './routes';

const MAX_BODY_BYTES = 1024 * 1024;

class BadRequest extends Error {
  constructor(message: string, readonly status = 400) {
    super(message);
  }
}

async function readJsonBody(request: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      throw new BadRequest(`the body must be at most ${MAX_BODY_BYTES} bytes`, 413);
    }
    chunks.push(chunk as Buffer);
  }
  if (size === 0) {
    return undefined;
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new BadRequest('the body is not valid JSON');
  }
}

function send(response: http.ServerResponse, { status, body }: ApiResponse): void {
  const json = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  });
  response.end(json);
}

export function createServer(handle: (request: ApiRequest) => Promise<ApiResponse>): http.Server {
  return http.createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://service.invalid');
      const hasBody = request.method === 'POST' || request.method === 'PUT';
      const apiRequest: ApiRequest = {
        method: request.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        body: hasBody ? await readJsonBody(request) : undefined,
      };
      send(response, await handle(apiRequest));
    } catch (error) {
      if (error instanceof BadRequest) {
        send(response, { status: error.status, body: { error: error.message } });
      } else {
        send(response, { status: 500, body: { error: 'internal error' } });
      }
    }
  });
}
