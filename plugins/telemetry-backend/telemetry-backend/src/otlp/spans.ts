/**
 * The receiver's own shape of a span: what the aggregates, the service graph and the trace
 * samples need, decoded straight from OTLP (protobuf or JSON) without the SDK's object model.
 * Attributes are kept only where they explain a span or identify a peer ({@link KEPT_ATTRIBUTES}).
 */

/** OTLP `Span.SpanKind` (opentelemetry-proto trace.proto), by number. */
export const SPAN_KINDS = [
  'unspecified',
  'internal',
  'server',
  'client',
  'producer',
  'consumer',
] as const;
export type SpanKindName = (typeof SPAN_KINDS)[number];

/** OTLP `Status.StatusCode`, by number. */
export const STATUS_CODES = ['unset', 'ok', 'error'] as const;
export type StatusCodeName = (typeof STATUS_CODES)[number];

export type AttributeValue = string | number | boolean;

/**
 * The attributes a span keeps: the operation, the HTTP status, database and messaging peers, an
 * explanation of a failure. Old and current semantic-convention names are both listed.
 */
export const KEPT_ATTRIBUTES: ReadonlySet<string> = new Set([
  'http.route',
  'http.request.method',
  'http.method',
  'http.response.status_code',
  'http.status_code',
  'url.path',
  'rpc.system',
  'rpc.service',
  'rpc.method',
  'db.system',
  'db.system.name',
  'db.name',
  'db.namespace',
  'db.operation.name',
  'messaging.system',
  'messaging.destination.name',
  'messaging.operation',
  'messaging.operation.type',
  'peer.service',
  'server.address',
  'error.type',
  'exception.message',
  'exception.type',
]);

export interface ReceivedSpan {
  /** 32 lower-case hex digits. */
  traceId: string;
  /** 16 lower-case hex digits. */
  spanId: string;
  parentSpanId?: string;
  /** The resource's `service.name` (`unknown_service` when the resource has none, as OTel SDKs do). */
  serviceName: string;
  name: string;
  kind: SpanKindName;
  /** Epoch milliseconds, with sub-millisecond fractions. */
  startMs: number;
  endMs: number;
  status: StatusCodeName;
  statusMessage?: string;
  attributes: Record<string, AttributeValue>;
  /** Spans this one links to (a consumer's link to the producer's span). */
  links?: Array<{ traceId: string; spanId: string }>;
}

/** A batch as decoded, before the receiver decides which spans it accepts. */
export interface DecodedBatch {
  spans: ReceivedSpan[];
  /** Spans the decoder could not use (bad ids): counted as rejected with these reasons. */
  invalid: Array<{ reason: string }>;
}

/** `service.name` when a resource has none (the OTel SDKs' own fallback is `unknown_service:<process>`). */
export const UNKNOWN_SERVICE = 'unknown_service';

/**
 * Milliseconds from OTLP's nanoseconds given as two 32-bit halves (fixed64 on the wire). Epoch
 * nanoseconds are past 2^53, so the whole milliseconds and the rest are computed apart (exact),
 * the same way {@link nanosStringToMs} does for JSON: both encodings give the same number.
 */
export function nanosHalvesToMs(low: number, high: number): number {
  // high·2^32 ns = high·4294 ms + high·967296 ns
  const restNs = high * 967296 + (low >>> 0);
  const restMs = Math.floor(restNs / 1e6);
  return high * 4294 + restMs + (restNs - restMs * 1e6) / 1e6;
}

/** Milliseconds from nanoseconds as a decimal string (OTLP/JSON), exact enough to the microsecond. */
export function nanosStringToMs(value: string): number {
  // Split off the last 6 digits so the whole part stays below 2^53.
  if (value.length <= 6) return Number(value) / 1e6;
  return Number(value.slice(0, -6)) + Number(value.slice(-6)) / 1e6;
}

/** Whether a span's status or its HTTP response says it failed (availability's "bad" request). */
export function isErrorSpan(span: ReceivedSpan): boolean {
  if (span.status === 'error') return true;
  const code =
    span.attributes['http.response.status_code'] ?? span.attributes['http.status_code'];
  return typeof code === 'number'
    ? code >= 500
    : typeof code === 'string' && Number(code) >= 500;
}
