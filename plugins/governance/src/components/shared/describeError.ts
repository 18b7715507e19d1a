import { ResponseError } from '@backstage/errors';

/** An error as the page says it: what happened, and what to check. */
export interface ErrorWords {
  message: string;
  hint?: string;
}

const HINTS: Record<number, string> = {
  400: 'The governance backend refused the request; its message names the field.',
  401: 'Your session has expired: reload the page to sign in again.',
  403: 'You are not allowed to do this; waivers are managed by the platform admins (strata.permissions.admins).',
  404: 'The governance backend does not know this, or is not installed in the portal.',
  503: 'The governance backend has not finished its first evaluation, or is overloaded; try again shortly.',
};

/**
 * Turns a failed call into words: the status and the backend's own message for a
 * `ResponseError` (not just "Request failed with 500"), the browser's message otherwise.
 */
export function describeError(error: Error): ErrorWords {
  if (error instanceof ResponseError || error.name === 'ResponseError') {
    const { statusCode: status, statusText, cause } = error as ResponseError;
    const message = cause?.message
      ? `${status}: ${cause.message}`
      : `${status} ${statusText ?? ''}`.trim();
    const hint =
      HINTS[status] ??
      (status >= 500
        ? "The governance backend failed; the portal's backend log says why."
        : undefined);
    return { message, hint };
  }
  if (error instanceof TypeError) {
    return {
      message: error.message,
      hint: "The portal's backend did not answer: check that it is running and reachable.",
    };
  }
  return { message: error.message };
}
