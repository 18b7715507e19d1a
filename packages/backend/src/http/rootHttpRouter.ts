import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { createErrorHandler } from './errorHandler';
import { createLocationRetargetGuard } from './locationRetargetGuard';
import { createTaskOutputFilter } from './taskOutputFilter';

/**
 * Backstage's root HTTP router with every default (helmet, CORS, compression,
 * request logging, rate limits, health routes, server timeouts) plus Strata's:
 * - before the routes: refuse `PUT /api/catalog/locations/:id` (locationRetargetGuard.ts), and
 *   keep stack traces and install paths out of scaffolder task logs (taskOutputFilter.ts);
 * - last: the error handler (errorHandler.ts). Full errors go to the log with a
 *   correlation id, callers get a message and that id, never a stack trace or
 *   an install path (upstream's handler adds stacks whenever NODE_ENV is
 *   development, which `./strata start` runs in). Note: it sees only errors of the root
 *   router's own middleware; each plugin's HTTP router ends with upstream's error handler
 *   (coreServices.httpRouter), which answers plugin route errors itself.
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
