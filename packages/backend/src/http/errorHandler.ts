import type { RootHttpRouterConfigureContext } from '@backstage/backend-defaults/rootHttpRouter';
import { randomUUID } from 'node:crypto';
import { installPaths } from './installPaths';

// Types through backend-defaults, this package's dependency.
type LoggerService = RootHttpRouterConfigureContext['logger'];
type ErrorRequestHandler = ReturnType<
  RootHttpRouterConfigureContext['middleware']['error']
>;

/** A thrown value as an Error (duck-typed: errors may come from another realm). */
function asError(value: unknown): Error {
  if (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Error).name === 'string' &&
    typeof (value as Error).message === 'string'
  ) {
    return value as Error;
  }
  return new Error(`Unknown error thrown: ${String(value)}`);
}

/** Backstage's error names and the status each stands for. */
const statusByName: Record<string, number> = {
  NotModifiedError: 304,
  InputError: 400,
  AuthenticationError: 401,
  NotAllowedError: 403,
  NotFoundError: 404,
  ConflictError: 409,
  NotImplementedError: 501,
  ServiceUnavailableError: 503,
  // The scaffolder's template engine (nunjitsu): a bad `${{ }}` expression
  // in a template or its parameters is bad input, not a server fault.
  TemplateRenderError: 400,
  NunjitsuParseError: 400,
  RuntimeEvaluationError: 400,
  TemplateLimitError: 400,
};

/** Server errors whose message is written for the caller. */
const intentionalServerErrors = new Set([
  'NotImplementedError',
  'ServiceUnavailableError',
]);

/** The message a caller gets for any other server error. */
export const GENERIC_MESSAGE =
  'An internal error occurred; quote the correlation id when you report it.';

/** The response header that carries the correlation id. */
export const CORRELATION_ID_HEADER = 'x-correlation-id';

/** The status an error stands for: its own `statusCode`/`status`, its name, or 500. */
export function statusCodeOf(error: Error): number {
  for (const field of ['statusCode', 'status'] as const) {
    const value = (error as unknown as Record<string, unknown>)[field];
    if (
      typeof value === 'number' &&
      Number.isInteger(value) &&
      value >= 100 &&
      value <= 599
    ) {
      return value;
    }
  }
  return statusByName[error.name] ?? 500;
}

/**
 * Replaces the given absolute paths (the install directory) in a message
 * meant for a caller.
 */
function withoutPaths(message: string, paths: string[]): string {
  let result = message;
  for (const path of paths) {
    result = result.split(path).join('…');
  }
  return result;
}

export type ErrorHandlerOptions = {
  logger: LoggerService;
  /** Absolute paths never shown to callers; default: the working directory and its two parents. */
  redactPaths?: string[];
  /** For tests. */
  correlationId?: () => string;
};

/**
 * The last middleware of the root HTTP router. Every error is logged in full
 * (stack, cause) with a fresh correlation id; the caller gets Backstage's
 * error shape without stack or cause, plus that id:
 * `{ error: { name, message }, request: { method, url }, response: { statusCode }, correlationId }`.
 * Errors that carry a status (Backstage's errors, body-parser's 400/413/415,
 * our own) keep it and their message; anything else is a 500 with a generic
 * message. Absolute install paths are cut from every message.
 */
export function createErrorHandler(
  options: ErrorHandlerOptions,
): ErrorRequestHandler {
  const logger = options.logger.child({ type: 'errorHandler' });
  const redactPaths = options.redactPaths ?? installPaths();
  const newId = options.correlationId ?? randomUUID;

  return (rawError, req, res, next) => {
    const error = asError(rawError);
    const statusCode = statusCodeOf(error);
    const correlationId = newId();
    const meta = {
      correlationId,
      method: req.method,
      url: req.originalUrl,
      statusCode,
    };
    if (statusCode >= 500) {
      logger.error(
        `Request failed with status ${statusCode} (correlation id ${correlationId})`,
        error,
      );
    } else {
      logger.info(
        `Request refused with status ${statusCode}: ${error.name}: ${error.message} (correlation id ${correlationId})`,
        meta,
      );
    }
    if (res.headersSent) {
      next(rawError);
      return;
    }
    const exposed = statusCode < 500 || intentionalServerErrors.has(error.name);
    res.setHeader(CORRELATION_ID_HEADER, correlationId);
    res.status(statusCode).json({
      error: exposed
        ? {
            name: error.name,
            message: withoutPaths(error.message, redactPaths),
          }
        : { name: 'Error', message: GENERIC_MESSAGE },
      request: {
        method: req.method,
        url: withoutPaths(req.originalUrl, redactPaths),
      },
      response: { statusCode },
      correlationId,
    });
  };
}
