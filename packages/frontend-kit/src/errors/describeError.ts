import { ResponseError } from '@backstage/errors';

/** An error as a card or page says it: what happened, and what to check. */
export interface ErrorWords {
  message: string;
  hint?: string;
}

/** What one plugin's backend means by a status, in words its users can act on. */
export interface ErrorHints {
  /** Names the backend in the fallback for server errors, e.g. "deployments". */
  backend: string;
  /** Hints by status code; these replace the defaults (401) for the same status. */
  byStatus: Record<number, string>;
}

// A 401 means the same for every plugin: the portal session, not the plugin, is the problem.
const DEFAULT_HINTS: Record<number, string> = {
  401: 'Your session has expired: reload the page to sign in again.',
};

/**
 * A failed call in words: the status and the backend's own message for a `ResponseError`
 * (not just "Request failed with 500"), the browser's message otherwise, and what to check.
 * The hints are the plugin's, because only it knows what its 404 or 503 means.
 */
export function describeError(error: Error, hints: ErrorHints): ErrorWords {
  // By name too: a ResponseError from another copy of @backstage/errors fails instanceof.
  if (error instanceof ResponseError || error.name === 'ResponseError') {
    const { statusCode: status, statusText, cause } = error as ResponseError;
    const message = cause?.message
      ? `${status}: ${cause.message}`
      : `${status} ${statusText ?? ''}`.trim();
    const hint =
      hints.byStatus[status] ??
      DEFAULT_HINTS[status] ??
      (status >= 500
        ? `The ${hints.backend} backend failed; the portal's backend log says why.`
        : undefined);
    return { message, hint };
  }
  // fetch rejects with a TypeError when nothing answered (network down, backend stopped).
  if (error instanceof TypeError) {
    return {
      message: error.message,
      hint: "The portal's backend did not answer: check that it is running and reachable.",
    };
  }
  return { message: error.message };
}
