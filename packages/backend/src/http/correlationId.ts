import { randomUUID } from 'node:crypto';

/**
 * The correlation id of an error answer: one id in the server log line and in what the caller
 * gets (the `x-correlation-id` header and the body's `correlationId` field), so that a reported
 * id finds the full error. Used by the root router's error handler (errorHandler.ts) and by the
 * filter of plugin error answers (errorResponseFilter.ts).
 */

/** The response header that carries the correlation id. */
export const CORRELATION_ID_HEADER = 'x-correlation-id';

/** A fresh correlation id. */
export function newCorrelationId(): string {
  return randomUUID();
}

/** Responses that already carry a correlation id. */
const correlated = new WeakSet<object>();

/**
 * An error answer's body with its correlation id; sets the `x-correlation-id` header on the
 * response and marks it, so that no later filter gives it a second id.
 */
export function withCorrelationId<T extends object>(
  res: { setHeader(name: string, value: string): unknown },
  correlationId: string,
  body: T,
): T & { correlationId: string } {
  res.setHeader(CORRELATION_ID_HEADER, correlationId);
  correlated.add(res);
  return { ...body, correlationId };
}

/** Whether `withCorrelationId` already gave this response its id. */
export function hasCorrelationId(res: object): boolean {
  return correlated.has(res);
}
