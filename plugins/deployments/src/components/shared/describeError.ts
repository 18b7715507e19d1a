import { ResponseError } from '@backstage/errors';

/** An error as the card says it: what happened, and what to check. */
export interface ErrorWords {
  message: string;
  hint?: string;
}

const HINTS: Record<number, string> = {
  400: 'The portal sent a request the deployments backend does not accept; the message names the field.',
  401: 'Your session has expired: reload the page to sign in again.',
  403: 'You are not allowed to read deployments; ask a portal administrator.',
  404: 'The deployments backend does not know this entity, or is not installed in the portal.',
  503: 'The deployments backend is starting or overloaded; try again shortly.',
};

/**
 * Turns a failed call into words: the status and the backend's own message for a
 * `ResponseError` (not just "Request failed with 500"), the browser's message otherwise.
 */
export function describeError(error: Error): ErrorWords {
  if (error instanceof ResponseError || error.name === 'ResponseError') {
    const responseError = error as ResponseError;
    const status = responseError.statusCode;
    const serverMessage = responseError.cause?.message;
    const message = serverMessage
      ? `${status}: ${serverMessage}`
      : `${status} ${responseError.statusText ?? ''}`.trim();
    const hint =
      HINTS[status] ??
      (status >= 500
        ? "The deployments backend failed; the portal's backend log says why."
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
