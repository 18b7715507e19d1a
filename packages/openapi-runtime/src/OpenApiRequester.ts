import { ResponseError } from '@backstage/errors';
import { queryString } from './queryString';

/** Finds a plugin's base URL: the frontend's DiscoveryApi and the backend's DiscoveryService both fit. */
export type DiscoveryApi = {
  getBaseUrl(pluginId: string): Promise<string>;
};

/** Sends the requests: the frontend's FetchApi (it adds the user's token), or the global fetch. */
export type FetchApi = {
  fetch: typeof fetch;
};

/** Per call: a token to send as `Authorization: Bearer`, for callers without a FetchApi that adds one. */
export type RequestOptions = {
  token?: string;
};

/** What a generated client's constructor takes. */
export type ApiClientOptions = {
  discoveryApi: DiscoveryApi;
  fetchApi?: FetchApi;
};

/** The parts of one request a generated method fills in from its typed arguments. */
export type RequestParts = {
  query?: Record<string, unknown>;
  body?: unknown;
};

/**
 * Sends the requests of one plugin's generated client. The generated methods
 * only map their typed arguments onto `send` and read the typed answer; how a
 * request is built and how a failure is reported lives here, once, for every
 * client. It needs nothing but @backstage/errors and the global fetch, so it
 * runs in a browser, a backend and the standalone strata-catalog.mjs alike.
 */
export class OpenApiRequester {
  private readonly pluginId: string;
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(pluginId: string, options: ApiClientOptions) {
    this.pluginId = pluginId;
    this.discoveryApi = options.discoveryApi;
    // Called through a wrapper so the global fetch is looked up per call
    // (tests and polyfills replace it) and never invoked with a wrong `this`.
    this.fetchApi = options.fetchApi ?? {
      fetch: (input, init) => fetch(input, init),
    };
  }

  /**
   * Sends `method path` with the query and JSON body, and the token when one
   * is given; returns the response when it is 2xx and throws a ResponseError
   * (with the backend's error body) when it is not.
   */
  async send(
    method: string,
    path: string,
    parts: RequestParts,
    options?: RequestOptions,
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl(this.pluginId);
    const headers: Record<string, string> = {};
    if (parts.body !== undefined) {
      headers['content-type'] = 'application/json';
    }
    if (options?.token) {
      headers.authorization = `Bearer ${options.token}`;
    }
    const response = await this.fetchApi.fetch(
      `${baseUrl}${path}${queryString(parts.query)}`,
      {
        method,
        headers,
        body: parts.body === undefined ? undefined : JSON.stringify(parts.body),
      },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
