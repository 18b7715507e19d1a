/**
 * What a caller sees of a server error, in Backstage's error shape (`ErrorResponseBody` of
 * @backstage/errors: `{ error: { name, message, stack?, cause? }, request?, response: {
 * statusCode } }`): no stack (the error's or a cause's), no install path, and for a server error
 * that was not meant for the caller a generic message instead of its own. Pure; the root
 * router's error handler (errorHandler.ts) and the filter of plugin error answers
 * (errorResponseFilter.ts) apply it, as does the task output filter to the scaffolder's errors.
 */
import type { ErrorResponseBody } from '@backstage/errors';
import { scrubStack, withoutInstallPaths } from './scrubStack';

/** The message a caller gets for a server error not meant for callers. */
export const GENERIC_MESSAGE =
  'An internal error occurred; quote the correlation id when you report it.';

/** Server errors whose message is written for the caller. */
const intentionalServerErrors = new Set([
  'NotImplementedError',
  'ServiceUnavailableError',
]);

/**
 * Whether the caller sees an error's own message: any error below 500, and the server errors
 * Backstage throws on purpose (`NotImplementedError`, `ServiceUnavailableError`).
 */
export function isMessageForCaller(name: string, statusCode: number): boolean {
  return statusCode < 500 || intentionalServerErrors.has(name);
}

type JsonRecord = Record<string, unknown>;

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether a response body is in Backstage's error shape (as upstream's error middleware answers). */
export function isErrorResponseBody(body: unknown): body is ErrorResponseBody {
  return (
    isRecord(body) &&
    isRecord(body.error) &&
    typeof body.error.name === 'string' &&
    typeof body.error.message === 'string' &&
    isRecord(body.response) &&
    typeof body.response.statusCode === 'number' &&
    (body.request === undefined || isRecord(body.request))
  );
}

/** Nesting deeper than this is cut (causes) or left as it is (other values). */
const MAX_DEPTH = 10;

/** Every string in a JSON value without install paths. */
function withoutPathsDeep(
  value: unknown,
  installPaths: readonly string[],
  depth = 0,
): unknown {
  if (typeof value === 'string')
    return withoutInstallPaths(value, installPaths);
  if (depth >= MAX_DEPTH || typeof value !== 'object' || value === null) {
    return value;
  }
  if (Array.isArray(value)) {
    return value.map(item => withoutPathsDeep(item, installPaths, depth + 1));
  }
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      withoutPathsDeep(item, installPaths, depth + 1),
    ]),
  );
}

/**
 * A serialised error and its causes without `stack`; messages without stack frames or install
 * paths, every other string (such as a file error's `path`) without install paths.
 */
export function withoutStacks(
  error: JsonRecord,
  installPaths: readonly string[],
  depth = 0,
): JsonRecord {
  const result: JsonRecord = {};
  for (const [key, value] of Object.entries(error)) {
    if (key === 'stack') continue;
    if (key === 'message' && typeof value === 'string') {
      result.message = scrubStack(value, installPaths);
    } else if (key === 'cause' && isRecord(value)) {
      if (depth < MAX_DEPTH) {
        result.cause = withoutStacks(value, installPaths, depth + 1);
      }
    } else {
      result[key] = withoutPathsDeep(value, installPaths);
    }
  }
  return result;
}

export type CallerErrorBodyOptions = {
  /** The status the caller gets. */
  statusCode: number;
  /** Absolute paths of this install (installPaths.ts). */
  installPaths: readonly string[];
  /** Keep the message of any server error (answers whose message is the caller's own output). */
  keepServerMessage?: boolean;
};

/**
 * An error answer as a caller may see it: the error without stacks or install paths, or
 * `{ name: 'Error', message: GENERIC_MESSAGE }` for a server error not meant for the caller;
 * the request URL and any other field without install paths.
 */
export function callerErrorBody(
  body: ErrorResponseBody,
  options: CallerErrorBodyOptions,
): ErrorResponseBody {
  const { statusCode, installPaths, keepServerMessage } = options;
  const rest = withoutPathsDeep(
    { ...body, error: undefined },
    installPaths,
  ) as ErrorResponseBody;
  const shown =
    keepServerMessage || isMessageForCaller(body.error.name, statusCode);
  return {
    ...rest,
    error: shown
      ? (withoutStacks(body.error, installPaths) as ErrorResponseBody['error'])
      : { name: 'Error', message: GENERIC_MESSAGE },
  };
}
