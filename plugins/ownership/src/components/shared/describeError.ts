import { ResponseError } from '@backstage/errors';

/** An error as the card says it: what happened, and what to check. */
export interface ErrorWords {
  message: string;
  hint?: string;
}

const HINTS: Record<number, string> = {
  400: 'The ownership backend refused the request; its message names the parameter.',
  401: 'Your session has expired: reload the page to sign in again.',
  403: 'You are not allowed to read ownership; ask a portal administrator.',
  404: 'The ownership backend found no such entity in its index (it is rebuilt from the catalog every few seconds), or is not installed.',
  503: 'The ownership backend is still building its index of the catalog; try again shortly.',
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
        ? "The ownership backend failed; the portal's backend log says why."
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
