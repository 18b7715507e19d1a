import { checkIds } from './ids';
import { MalformedRequestError } from './decodeProtobuf';
import {
  AttributeValue,
  DecodedBatch,
  KEPT_ATTRIBUTES,
  nanosStringToMs,
  ReceivedSpan,
  SPAN_KINDS,
  STATUS_CODES,
  UNKNOWN_SERVICE,
} from './spans';

/*
 * OTLP/JSON (the protobuf JSON mapping with OTLP's deviations): lowerCamelCase field names,
 * trace and span ids as hex strings (not base64), enums as integers, 64-bit integers
 * (`intValue`, `*UnixNano`) as decimal strings or numbers. Unknown fields are ignored, as the
 * specification requires. A body that is not this shape is a 400 naming the path that is wrong.
 */

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown, path: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    throw new MalformedRequestError(`${path}: must be an array`);
  }
  return value;
}

function object(value: unknown, path: string): Json {
  if (!isObject(value)) throw new MalformedRequestError(`${path}: must be an object`);
  return value;
}

function nanosToMs(value: unknown, path: string): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number' && Number.isFinite(value)) return value / 1e6;
  if (typeof value === 'string' && /^\d+$/.test(value)) return nanosStringToMs(value);
  throw new MalformedRequestError(`${path}: must be nanoseconds as a decimal string`);
}

function enumNumber(value: unknown, path: string): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  throw new MalformedRequestError(`${path}: must be an integer (OTLP/JSON enums are numbers)`);
}

function scalar(value: unknown): AttributeValue | undefined {
  if (!isObject(value)) return undefined;
  if (typeof value.stringValue === 'string') return value.stringValue;
  if (typeof value.boolValue === 'boolean') return value.boolValue;
  if (value.intValue !== undefined) {
    const n = Number(value.intValue);
    return Number.isFinite(n) ? n : undefined;
  }
  if (value.doubleValue !== undefined) {
    const n = Number(value.doubleValue);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

function idHex(value: unknown, path: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new MalformedRequestError(`${path}: must be a hex string`);
  return value.toLowerCase();
}

/** Decodes an OTLP/HTTP JSON body (already parsed); throws MalformedRequestError. */
export function decodeJsonRequest(body: unknown): DecodedBatch {
  const batch: DecodedBatch = { spans: [], invalid: [] };
  const request = object(body, 'body');
  list(request.resourceSpans, 'resourceSpans').forEach((rs, i) => {
    const path = `resourceSpans[${i}]`;
    const resourceSpans = object(rs, path);
    let serviceName = UNKNOWN_SERVICE;
    if (resourceSpans.resource !== undefined) {
      const resource = object(resourceSpans.resource, `${path}.resource`);
      for (const kv of list(resource.attributes, `${path}.resource.attributes`)) {
        if (isObject(kv) && kv.key === 'service.name') {
          const value = scalar(kv.value);
          if (typeof value === 'string') serviceName = value;
        }
      }
    }
    list(resourceSpans.scopeSpans, `${path}.scopeSpans`).forEach((ss, j) => {
      const scopePath = `${path}.scopeSpans[${j}]`;
      const scopeSpans = object(ss, scopePath);
      list(scopeSpans.spans, `${scopePath}.spans`).forEach((s, k) => {
        readSpan(object(s, `${scopePath}.spans[${k}]`), `${scopePath}.spans[${k}]`, serviceName, batch);
      });
    });
  });
  return batch;
}

function readSpan(span: Json, path: string, serviceName: string, batch: DecodedBatch) {
  const traceId = idHex(span.traceId, `${path}.traceId`);
  const spanId = idHex(span.spanId, `${path}.spanId`);
  const idProblem = checkIds(traceId, spanId);
  if (idProblem) {
    batch.invalid.push({ reason: idProblem });
    return;
  }
  const attributes: Record<string, AttributeValue> = {};
  for (const kv of list(span.attributes, `${path}.attributes`)) {
    if (isObject(kv) && typeof kv.key === 'string' && KEPT_ATTRIBUTES.has(kv.key)) {
      const value = scalar(kv.value);
      if (value !== undefined) attributes[kv.key] = value;
    }
  }
  for (const e of list(span.events, `${path}.events`)) {
    if (isObject(e) && e.name === 'exception' && attributes['exception.message'] === undefined) {
      for (const kv of list(e.attributes, `${path}.events.attributes`)) {
        if (isObject(kv) && kv.key === 'exception.message') {
          const value = scalar(kv.value);
          if (value !== undefined) attributes['exception.message'] = String(value);
        }
      }
    }
  }
  const status = span.status === undefined ? {} : object(span.status, `${path}.status`);
  const kind = enumNumber(span.kind, `${path}.kind`);
  const code = enumNumber(status.code, `${path}.status.code`);
  const received: ReceivedSpan = {
    traceId,
    spanId,
    serviceName,
    name: typeof span.name === 'string' ? span.name : '',
    kind: SPAN_KINDS[kind] ?? 'unspecified',
    startMs: nanosToMs(span.startTimeUnixNano, `${path}.startTimeUnixNano`),
    endMs: nanosToMs(span.endTimeUnixNano, `${path}.endTimeUnixNano`),
    status: STATUS_CODES[code] ?? 'unset',
    attributes,
  };
  const parent = idHex(span.parentSpanId, `${path}.parentSpanId`);
  if (parent) received.parentSpanId = parent;
  if (typeof status.message === 'string' && status.message) {
    received.statusMessage = status.message;
  }
  const links = list(span.links, `${path}.links`)
    .filter(isObject)
    .map(l => ({
      traceId: idHex(l.traceId, `${path}.links.traceId`),
      spanId: idHex(l.spanId, `${path}.links.spanId`),
    }))
    .filter(l => !checkIds(l.traceId, l.spanId));
  if (links.length > 0) received.links = links;
  batch.spans.push(received);
}
