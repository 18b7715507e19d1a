import type { RootHttpRouterConfigureContext } from '@backstage/backend-defaults/rootHttpRouter';
import { callerErrorBody, isErrorResponseBody } from './errorAnswer';
import {
  hasCorrelationId,
  newCorrelationId,
  withCorrelationId,
} from './correlationId';
import { statusCodeOf } from './errorHandler';
import { installPaths as defaultInstallPaths } from './installPaths';

// Types through backend-defaults, this package's dependency.
type RequestHandler = RootHttpRouterConfigureContext['routes'];
type LoggerService = RootHttpRouterConfigureContext['logger'];

export type ErrorResponseFilterOptions = {
  logger: LoggerService;
  /** Absolute paths never shown to callers; default: installPaths(). */
  installPaths?: string[];
  /** Requests whose server errors keep their own message (the caller's own output). */
  keepsServerMessage?: (method: string, path: string) => boolean;
  /** For tests. */
  correlationId?: () => string;
};

/**
 * Root-router middleware for the error answers of plugin routes. Each plugin's HTTP router
 * (coreServices.httpRouter) ends with upstream's error middleware, which answers itself (with
 * `error.stack` when NODE_ENV is development, a 500's own message, no correlation id), so
 * errorHandler.ts never sees those errors. This wraps `res.json` and `res.send` (JSON text
 * only; streams are not touched) of `/api/*` requests: an answer with status ≥ 400 in
 * Backstage's error shape goes out as errorAnswer.ts shapes it, with a correlation id, and one
 * log line connects that id to the original error. Mount it before the routes.
 */
export function createErrorResponseFilter(
  options: ErrorResponseFilterOptions,
): RequestHandler {
  const logger = options.logger.child({ type: 'errorResponseFilter' });
  const paths = options.installPaths ?? defaultInstallPaths();
  const keepsServerMessage = options.keepsServerMessage ?? (() => false);
  const newId = options.correlationId ?? newCorrelationId;

  return (req, res, next) => {
    if (!/^\/api\//i.test(req.path)) {
      next();
      return;
    }
    // Decided now: while a plugin's router runs, req.path is relative to its mount point.
    const keepServerMessage = keepsServerMessage(req.method, req.path);
    // Express's res.json calls res.send with the JSON text: one look per response is enough.
    let examined = false;
    const skip = () =>
      examined || res.statusCode < 400 || hasCorrelationId(res);

    const filter = (body: unknown): unknown => {
      if (skip()) return body;
      examined = true;
      if (!isErrorResponseBody(body)) return body;
      const correlationId = newId();
      // Upstream answers every failure of a route with 500, also when the error names bad
      // input (a template-syntax error in a dry run is the submitted template's fault).
      const byName = statusCodeOf({ name: body.error.name } as Error);
      if (res.statusCode >= 500 && byName < 500) res.status(byName);
      const { statusCode } = res;
      const { method, originalUrl: url } = req;
      const { name, message } = body.error;
      const line = `Request ${method} ${url} answered ${statusCode} ${name}: ${message} (correlation id ${correlationId})`;
      const meta = { correlationId, statusCode, method, url };
      if (statusCode >= 500) logger.error(line, meta);
      else logger.info(line, meta);
      const answer = callerErrorBody(body, {
        statusCode,
        installPaths: paths,
        keepServerMessage,
      });
      return withCorrelationId(res, correlationId, {
        ...answer,
        response: { ...answer.response, statusCode },
      });
    };

    const json = res.json.bind(res);
    res.json = body => json(filter(body));

    const send = res.send.bind(res);
    res.send = body => {
      const isText = typeof body === 'string' || Buffer.isBuffer(body);
      if (
        !isText ||
        skip() ||
        !/\bjson\b/i.test(res.get('Content-Type') ?? '')
      ) {
        // Objects go on to res.json (filtered there); anything else is not a JSON error.
        return send(body);
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(String(body));
      } catch {
        return send(body);
      }
      const filtered = filter(parsed);
      return send(filtered === parsed ? body : JSON.stringify(filtered));
    };
    next();
  };
}
