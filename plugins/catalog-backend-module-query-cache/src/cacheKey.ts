import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { createHash } from 'node:crypto';

/**
 * Who the catalog answered: its answers are permission-filtered per caller, so an answer is only
 * ever served again to the same principal. A user is their entity ref (and the service acting for
 * them, if any); a service is its subject and its access restrictions. Tokens never enter the key.
 * Undefined for a principal this module does not know: such requests are not cached.
 */
export function principalKey(
  credentials: BackstageCredentials,
): string | undefined {
  const principal = credentials.principal as {
    type?: string;
    userEntityRef?: string;
    actor?: { subject?: string };
    subject?: string;
    accessRestrictions?: unknown;
  };
  switch (principal?.type) {
    case 'user':
      if (!principal.userEntityRef) return undefined;
      return principal.actor?.subject
        ? `user ${principal.userEntityRef} actor ${principal.actor.subject}`
        : `user ${principal.userEntityRef}`;
    case 'service':
      if (!principal.subject) return undefined;
      return principal.accessRestrictions
        ? `service ${principal.subject} ${JSON.stringify(
            principal.accessRestrictions,
          )}`
        : `service ${principal.subject}`;
    case 'none':
      return 'none';
    default:
      return undefined;
  }
}

/**
 * The cache key of one request: principal + method + full URL (path and query string, as sent),
 * hashed so that keys have a fixed length and hold no entity refs. The catalog generation is
 * not part of the key but of the value, so a stale entry is overwritten rather than left behind.
 */
export function queryCacheKey(
  principal: string,
  method: string,
  url: string,
): string {
  const digest = createHash('sha256')
    .update(`${principal}\n${method.toUpperCase()}\n${url}`)
    .digest('base64url');
  return `query-cache:v1:${digest}`;
}
