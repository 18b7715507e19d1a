import type { RootHttpRouterConfigureContext } from '@backstage/backend-defaults/rootHttpRouter';
import { callerErrorBody } from './errorAnswer';
import { newCorrelationId, withCorrelationId } from './correlationId';
import { installPaths } from './installPaths';

export { GENERIC_MESSAGE } from './errorAnswer';
export { CORRELATION_ID_HEADER } from './correlationId';

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
 * message (errorAnswer.ts). Absolute install paths are cut from every message.
 */
export function createErrorHandler(
  options: ErrorHandlerOptions,
): ErrorRequestHandler {
  const logger = options.logger.child({ type: 'errorHandler' });
  const redactPaths = options.redactPaths ?? installPaths();
  const newId = options.correlationId ?? newCorrelationId;

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
    const body = callerErrorBody(
      {
        error: { name: error.name, message: error.message },
        request: { method: req.method, url: req.originalUrl },
        response: { statusCode },
      },
      { statusCode, installPaths: redactPaths },
    );
    res.status(statusCode).json(withCorrelationId(res, correlationId, body));
  };
}
