import { ResponseError } from '@backstage/errors';

/** An error as a card says it: what happened, and what to check. */
export interface ErrorWords {
  message: string;
  hint?: string;
}

const HINTS: Record<number, string> = {
  400: 'The portal sent a request the telemetry backend does not accept; the message names the parameter.',
  401: 'Your session has expired: reload the page to sign in again.',
  403: 'You are not allowed to read telemetry; ask a portal administrator.',
  404: 'The telemetry backend does not know this entity, or is not installed in the portal.',
  503: 'The telemetry backend or its database is not available right now; try again shortly.',
};

/**
 * A failed call in words: the status and the backend's own message for a `ResponseError`
 * (not just "Request failed with 500"), the browser's message otherwise, and what to check.
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
        ? "The telemetry backend failed; the portal's backend log says why."
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
