import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { createErrorHandler } from './errorHandler';
import { createErrorResponseFilter } from './errorResponseFilter';
import { createLocationRetargetGuard } from './locationRetargetGuard';
import { createTaskOutputFilter, taskOutputRoute } from './taskOutputFilter';

/**
 * Backstage's root HTTP router with every default (helmet, CORS, compression,
 * request logging, rate limits, health routes, server timeouts) plus Strata's:
 * - before the routes: refuse `PUT /api/catalog/locations/:id` (locationRetargetGuard.ts),
 *   keep stack traces and install paths out of scaffolder task logs (taskOutputFilter.ts), and
 *   filter the error answers of plugin routes (errorResponseFilter.ts): each plugin's HTTP
 *   router (coreServices.httpRouter) ends with upstream's error handler, which answers plugin
 *   route errors itself, with stacks whenever NODE_ENV is development (`./strata start` runs
 *   in it) and a 500's own message. Every `/api/*` answer with status >= 400 in Backstage's
 *   error shape leaves without stacks or install paths, with a correlation id (logged with the
 *   original message), and a generic message for unintended server errors (except a failed
 *   scaffolder dry run: its step's error is the template author's output, as in a task log);
 * - last: the error handler (errorHandler.ts) for errors of the root router's own middleware.
 *   Full errors go to the log with a correlation id, callers get a message and that id, never
 *   a stack trace or an install path.
 * Both answer in one shape (errorAnswer.ts) with one correlation id helper (correlationId.ts).
 *
 * Wire it with `backend.add(strataRootHttpRouterServiceFactory);`.
 */
export const strataRootHttpRouterServiceFactory = rootHttpRouterServiceFactory({
  configure(context) {
    const { middleware } = context;
    const errorHandler = createErrorHandler({ logger: context.logger });
    const beforeRoutes = [
      createLocationRetargetGuard(),
      createTaskOutputFilter(),
      createErrorResponseFilter({
        logger: context.logger,
        keepsServerMessage: (method, path) =>
          taskOutputRoute(method, path) === 'dry-run',
      }),
    ];
    // applyDefaults() mounts, in order: helmet, cors, compression, logging,
    // rateLimit, health, routes, notFound, error. Strata's request middleware
    // takes the rate limiter's slot (after it), so it runs after CORS and
    // compression and before every route; the error handler replaces the last.
    // `app.use` takes an array of handlers as well as one.
    const rateLimit = middleware.rateLimit.bind(middleware);
    middleware.rateLimit = () =>
      [rateLimit(), ...beforeRoutes] as unknown as ReturnType<typeof rateLimit>;
    middleware.error = () => errorHandler;
    context.applyDefaults();
  },
});
