import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { createErrorHandler } from './errorHandler';

/**
 * Backstage's root HTTP router with every default (helmet, CORS, compression,
 * request logging, rate limits, health routes, server timeouts) and Strata's
 * error handler as the last middleware: full errors go to the log with a
 * correlation id, callers get a message and that id, never a stack trace or
 * an install path (upstream's handler adds stacks whenever NODE_ENV is
 * development, which `./strata start` runs in).
 *
 * Wire it with `backend.add(strataRootHttpRouterServiceFactory);`.
 */
export const strataRootHttpRouterServiceFactory = rootHttpRouterServiceFactory({
  configure(context) {
    const errorHandler = createErrorHandler({ logger: context.logger });
    // applyDefaults() ends with `app.use(middleware.error())`; this keeps
    // its order and every other default.
    context.middleware.error = () => errorHandler;
    context.applyDefaults();
  },
});
