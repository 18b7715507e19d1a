import { ResponseError } from '@backstage/errors';
import { CatalogValidationApiClient } from '@internal/plugin-catalog-validation-common';
import { IoError } from './errors';

export type PortalOptions = {
  /** The portal's base URL, e.g. https://portal.example.com */
  baseUrl: string;
  /** Sent as a bearer token. */
  token?: string;
  /** Files per request (the endpoint takes at most 200). */
  maxFiles?: number;
  /** UTF-8 bytes of file content per request (the endpoint takes at most 1 MiB). */
  maxBytes?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
};

const defaultTimeoutMs = 30_000;

/** Why a request could not be made, in a word where possible (ECONNREFUSED, timed out). */
export function reason(error: unknown): string {
  const e = error as {
    name?: string;
    message?: string;
    cause?: { code?: string; message?: string };
  };
  if (e?.name === 'TimeoutError') {
    return 'timed out';
  }
  return e?.cause?.code ?? e?.cause?.message ?? e?.message ?? String(error);
}

/**
 * The portal's catalog-validation API through the client generated from its
 * spec. The portal serves each backend plugin under `/api/<pluginId>`; each
 * request has a time limit, and one that cannot be made is an IoError.
 */
export function portalClient(options: PortalOptions) {
  const send = options.fetch ?? fetch;
  return new CatalogValidationApiClient({
    discoveryApi: {
      getBaseUrl: async pluginId => `${options.baseUrl}/api/${pluginId}`,
    },
    fetchApi: {
      fetch: async (input, init) => {
        try {
          return await send(input, {
            ...init,
            signal: AbortSignal.timeout(options.timeoutMs ?? defaultTimeoutMs),
          });
        } catch (e) {
          throw new IoError(
            `cannot reach the portal at ${options.baseUrl}: ${reason(e)}`,
          );
        }
      },
    },
  });
}

/**
 * The IoError for a request the portal answered with an error: a refused
 * token says what to do; anything else names the status and, when the answer
 * is a Backstage error body, its message.
 */
export function portalRefusal(
  error: ResponseError,
  request: string,
  options: PortalOptions,
): IoError {
  const status = error.statusCode;
  if (status === 401 || status === 403) {
    return new IoError(
      `the portal at ${
        options.baseUrl
      } refused the catalog request (HTTP ${status}): ${
        options.token ? 'check the token' : 'pass a token with --token'
      }`,
    );
  }
  const isBackstageError = error.response.headers
    .get('content-type')
    ?.startsWith('application/json');
  return new IoError(
    `the portal answered HTTP ${status} to ${request}${
      isBackstageError ? `: ${error.body.error.message}` : ''
    }`,
  );
}
