import type { RootHttpRouterConfigureContext } from '@backstage/backend-defaults/rootHttpRouter';
import { NotAllowedError } from '@backstage/errors';

// Types through backend-defaults, this package's dependency.
type RequestHandler = RootHttpRouterConfigureContext['routes'];

/** What a caller of `PUT /api/catalog/locations/:id` is told. */
export const LOCATION_RETARGET_MESSAGE =
  "Changing a registered location's target is disabled in Strata: an admin unregisters the location and the new URL is registered instead";

/**
 * Whether a request would change a registered location's target, matched as Express matches
 * the catalog's `PUT /locations/:id` (case-insensitive, optional trailing slash).
 */
export function isLocationRetarget(method: string, path: string): boolean {
  return (
    method === 'PUT' && /^\/api\/catalog\/locations\/[^/]+\/?$/i.test(path)
  );
}

/**
 * Root-router middleware that refuses `PUT /api/catalog/locations/:id` with 403 (Backstage's
 * error shape, through the error handler). The catalog checks it as `catalog.location.create`,
 * which every user holds, and a new target silently removes the old target's entities
 * (another team's). No Strata UI uses it.
 */
export function createLocationRetargetGuard(): RequestHandler {
  return (req, _res, next) => {
    if (isLocationRetarget(req.method, req.path)) {
      next(new NotAllowedError(LOCATION_RETARGET_MESSAGE));
      return;
    }
    next();
  };
}
