import { ReceivedSpan } from '../otlp/spans';

let counter = 0;

/** A fresh span id (16 hex digits), unique within the test run. */
export function newSpanId(): string {
  counter += 1;
  return (0x1000 + counter).toString(16).padStart(16, '0');
}

/** A fresh trace id (32 hex digits). */
export function newTraceId(): string {
  counter += 1;
  return (0x1000 + counter).toString(16).padStart(32, '0');
}

/** A served span of `orders` unless told otherwise. */
export function span(partial: Partial<ReceivedSpan> & { startMs: number }): ReceivedSpan {
  return {
    traceId: newTraceId(),
    spanId: newSpanId(),
    serviceName: 'orders',
    name: 'GET /orders/{id}',
    kind: 'server',
    endMs: partial.startMs + 10,
    status: 'unset',
    attributes: {},
    ...partial,
  };
}
