import type { RootHttpRouterConfigureContext } from '@backstage/backend-defaults/rootHttpRouter';
import { StringDecoder } from 'node:string_decoder';
import { installPaths as defaultInstallPaths } from './installPaths';
import {
  scrubDryRunResult,
  scrubErrorBody,
  scrubTaskEvents,
  SseTaskEventScrubber,
} from './scrubTaskOutput';

// Types through backend-defaults, this package's dependency.
type RequestHandler = RootHttpRouterConfigureContext['routes'];

/** The scaffolder routes whose answers carry task log messages. */
export type TaskOutputRoute = 'events' | 'eventstream' | 'dry-run';

/**
 * Which task-output route a request is for, matched as Express matches the scaffolder's routes
 * (case-insensitive, optional trailing slash). `GET /v2/tasks/:id` is not one: it answers the
 * task's spec and status, never its log or error.
 */
export function taskOutputRoute(
  method: string,
  path: string,
): TaskOutputRoute | undefined {
  const lower = path.toLowerCase();
  if (method === 'GET') {
    const match =
      /^\/api\/scaffolder\/v2\/tasks\/[^/]+\/(events|eventstream)\/?$/.exec(
        lower,
      );
    return match ? (match[1] as TaskOutputRoute) : undefined;
  }
  if (method === 'POST' && /^\/api\/scaffolder\/v2\/dry-run\/?$/.test(lower)) {
    return 'dry-run';
  }
  return undefined;
}

type WriteCallback = (error?: Error | null) => void;

/** How each route's JSON answers are scrubbed. */
const scrubJsonFor: Record<
  TaskOutputRoute,
  <T>(body: T, installPaths: readonly string[]) => T
> = {
  events: scrubTaskEvents,
  'dry-run': scrubDryRunResult,
  eventstream: scrubErrorBody,
};

/**
 * Root-router middleware: the scaffolder's task log, as users read it (task page, events API,
 * event stream, dry-run), without stack frames or install paths. Upstream writes `err.stack` into
 * the log when a step fails, and action loggers log errors with their stacks; the full errors
 * stay in the server log. Mount it before the routes, after compression (it sees plain text).
 */
export function createTaskOutputFilter(
  options: { installPaths?: string[] } = {},
): RequestHandler {
  const paths = options.installPaths ?? defaultInstallPaths();

  return (req, res, next) => {
    const route = taskOutputRoute(req.method, req.path);
    if (!route) {
      next();
      return;
    }
    // JSON answers: the events, the dry-run result, or an error answer (on every route,
    // the event stream included: it answers JSON when it refuses).
    let answeredJson = false;
    const json = res.json.bind(res);
    const scrubJson = scrubJsonFor[route];
    res.json = body => {
      answeredJson = true;
      return json(scrubJson(body, paths));
    };
    if (route === 'eventstream') {
      filterEventStream(res, paths, () => answeredJson);
    }
    next();
  };
}

type Response = Parameters<RequestHandler>[1];

/**
 * Wraps `res.write`/`res.end` so that the Server-Sent Events reach the client scrubbed (chunks
 * may be strings or bytes, and split anywhere). Once the route answers JSON instead
 * (`bypass()`), both pass through unchanged.
 */
function filterEventStream(
  res: Response,
  paths: string[],
  bypass: () => boolean,
) {
  const scrubber = new SseTaskEventScrubber(paths);
  const decoder = new StringDecoder('utf8');
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  const text = (chunk: unknown, encoding: unknown) => {
    if (typeof chunk === 'string') {
      // Strings in another encoding than text (hex, base64) are bytes.
      return typeof encoding === 'string' && Buffer.isEncoding(encoding)
        ? decoder.write(Buffer.from(chunk, encoding))
        : chunk;
    }
    return decoder.write(
      Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array),
    );
  };
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (bypass()) return write(chunk, ...rest);
    const callback = rest.find(a => typeof a === 'function') as
      | WriteCallback
      | undefined;
    const ready = scrubber.push(text(chunk, rest[0]));
    if (ready) return write(ready, callback);
    if (callback) process.nextTick(callback);
    return true;
  }) as typeof res.write;
  res.end = ((...args: unknown[]) => {
    if (bypass()) return end(...args);
    const callback = args.find(a => typeof a === 'function');
    const chunk = typeof args[0] === 'function' ? undefined : args[0];
    const pushed =
      chunk !== undefined && chunk !== null
        ? scrubber.push(text(chunk, args[1]))
        : '';
    const last = pushed + scrubber.push(decoder.end()) + scrubber.end();
    if (last) write(last);
    return callback ? end(callback) : end();
  }) as typeof res.end;
}
