/**
 * The HTTP API as a plain function from request to response: no sockets, so
 * the unit tests call it directly with fake dependencies. server.ts adapts it
 * to Node's http module. The contract is openapi.yaml.
 */
import { ServiceUnavailableError } from './errors';
import { parseNewItem, type Item } from './items/item';
import type { ItemStore } from './items/itemStore';
import { errorMessage, type Logger } from './log';
import { LIVENESS_PATH, READINESS_PATH } from './probes';
import type { Readiness } from './readiness';

export type ApiRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  body?: unknown;
};

export type ApiResponse = { status: number; body: unknown };

export type RouteDependencies = {
  items: ItemStore;
  readiness(): Promise<Readiness>;
  /** Runs inside the item's transaction, e.g. to publish its event. */
  onItemCreated?(item: Item): Promise<void>;
  logger: Logger;
};

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;

function parseLimit(value: string | null): number | undefined {
  if (value === null) {
    return DEFAULT_LIMIT;
  }
  const limit = Number(value);
  return Number.isInteger(limit) && limit >= 1 && limit <= MAX_LIMIT ? limit : undefined;
}

function failure(status: number, error: string): ApiResponse {
  return { status, body: { error } };
}

export function createRoutes(deps: RouteDependencies) {
  async function listItems(request: ApiRequest): Promise<ApiResponse> {
    const limit = parseLimit(request.query.get('limit'));
    if (limit === undefined) {
      return failure(400, `limit must be an integer from 1 to ${MAX_LIMIT}`);
    }
    return { status: 200, body: { items: await deps.items.list(limit) } };
  }

  async function createItem(request: ApiRequest): Promise<ApiResponse> {
    const parsed = parseNewItem(request.body);
    if ('error' in parsed) {
      return failure(400, parsed.error);
    }
    const item = await deps.items.create(parsed.item, deps.onItemCreated);
    deps.logger.info('item created', { itemId: item.id });
    return { status: 201, body: item };
  }

  async function ready(): Promise<ApiResponse> {
    const readiness = await deps.readiness();
    return { status: readiness.ready ? 200 : 503, body: readiness };
  }

  const routes: Record<string, Record<string, (request: ApiRequest) => Promise<ApiResponse>>> = {
    [LIVENESS_PATH]: { GET: async () => ({ status: 200, body: { status: 'ok' } }) },
    [READINESS_PATH]: { GET: ready },
    '/v1/items': { GET: listItems, POST: createItem },
  };

  return async function handle(request: ApiRequest): Promise<ApiResponse> {
    const route = routes[request.path];
    if (!route) {
      return failure(404, `no route for ${request.path}`);
    }
    const handler = route[request.method];
    if (!handler) {
      return failure(405, `${request.method} is not allowed on ${request.path}`);
    }
    try {
      return await handler(request);
    } catch (error) {
      if (error instanceof ServiceUnavailableError) {
        return failure(503, error.message);
      }
      deps.logger.error('request failed', { path: request.path, error: errorMessage(error) });
      return failure(500, 'internal error');
    }
  };
}
