import { Reader } from 'protobufjs/minimal';
import {
  AttributeValue,
  DecodedBatch,
  KEPT_ATTRIBUTES,
  nanosHalvesToMs,
  ReceivedSpan,
  SPAN_KINDS,
  STATUS_CODES,
  UNKNOWN_SERVICE,
} from './spans';
import { checkIds } from './ids';

/*
 * `ExportTraceServiceRequest` (opentelemetry-proto, collector/trace/v1/trace_service.proto) read
 * field by field with protobufjs's wire reader, straight into ReceivedSpan: no intermediate
 * message objects, and attributes the receiver does not keep are skipped unread. Field numbers,
 * from the .proto files:
 *
 *   ExportTraceServiceRequest  1 resource_spans (ResourceSpans, repeated)
 *   ResourceSpans              1 resource (Resource)   2 scope_spans (ScopeSpans, repeated)
 *   Resource                   1 attributes (KeyValue, repeated)
 *   ScopeSpans                 2 spans (Span, repeated)
 *   Span                       1 trace_id (bytes)  2 span_id (bytes)  4 parent_span_id (bytes)
 *                              5 name  6 kind (enum)  7 start_time_unix_nano (fixed64)
 *                              8 end_time_unix_nano (fixed64)  9 attributes (KeyValue, repeated)
 *                              11 events (Event, repeated)  13 links (Link, repeated)
 *                              15 status (Status)
 *   Event                      2 name  3 attributes (KeyValue, repeated)
 *   Link                       1 trace_id (bytes)  2 span_id (bytes)
 *   Status                     2 message  3 code (enum)
 *   KeyValue                   1 key  2 value (AnyValue)
 *   AnyValue (oneof)           1 string_value  2 bool_value  3 int_value (int64)
 *                              4 double_value (double)  5 array_value  6 kvlist_value  7 bytes_value
 * Unknown fields are skipped by wire type, as protobuf requires.
 */

const WIRE_VARINT = 0;
const WIRE_FIXED64 = 1;
const WIRE_LENGTH = 2;

/** A malformed body: the receiver answers 400 with this message. */
export class MalformedRequestError extends Error {
  name = 'MalformedRequestError';
}

function expectWire(actual: number, expected: number, field: string) {
  if (actual !== expected) {
    throw new MalformedRequestError(
      `${field}: wire type ${actual}, expected ${expected}`,
    );
  }
}

/** Decodes an OTLP/HTTP protobuf body; throws MalformedRequestError with what was wrong. */
export function decodeProtobufRequest(body: Uint8Array): DecodedBatch {
  const batch: DecodedBatch = { spans: [], invalid: [] };
  try {
    const reader = Reader.create(body);
    while (reader.pos < reader.len) {
      const tag = reader.uint32();
      if (tag >>> 3 === 1) {
        expectWire(tag & 7, WIRE_LENGTH, 'resource_spans');
        readResourceSpans(reader, reader.uint32() + reader.pos, batch);
      } else {
        reader.skipType(tag & 7);
      }
    }
  } catch (error) {
    if (error instanceof MalformedRequestError) throw error;
    // protobufjs throws RangeError ("index out of range") on truncated input.
    throw new MalformedRequestError(
      `not a valid ExportTraceServiceRequest: ${(error as Error).message}`,
    );
  }
  return batch;
}

function readResourceSpans(reader: Reader, end: number, batch: DecodedBatch) {
  let serviceName = UNKNOWN_SERVICE;
  const scopeSpans: Array<[number, number]> = [];
  while (reader.pos < end) {
    const tag = reader.uint32();
    const field = tag >>> 3;
    if (field === 1) {
      expectWire(tag & 7, WIRE_LENGTH, 'resource');
      serviceName = readServiceName(reader, reader.uint32() + reader.pos) ?? serviceName;
    } else if (field === 2) {
      expectWire(tag & 7, WIRE_LENGTH, 'scope_spans');
      // The resource may come after its spans on the wire: remember where they are.
      const length = reader.uint32();
      scopeSpans.push([reader.pos, reader.pos + length]);
      reader.pos += length;
    } else {
      reader.skipType(tag & 7);
    }
  }
  checkEnd(reader, end, 'resource_spans');
  for (const [start, stop] of scopeSpans) {
    reader.pos = start;
    readScopeSpans(reader, stop, serviceName, batch);
  }
  reader.pos = end;
}

function readServiceName(reader: Reader, end: number): string | undefined {
  let name: string | undefined;
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag >>> 3 === 1 && (tag & 7) === WIRE_LENGTH) {
      const kvEnd = reader.uint32() + reader.pos;
      const [key, value] = readKeyValue(reader, kvEnd, k => k === 'service.name');
      if (key === 'service.name' && typeof value === 'string') name = value;
    } else {
      reader.skipType(tag & 7);
    }
  }
  checkEnd(reader, end, 'resource');
  return name;
}

function readScopeSpans(
  reader: Reader,
  end: number,
  serviceName: string,
  batch: DecodedBatch,
) {
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag >>> 3 === 2) {
      expectWire(tag & 7, WIRE_LENGTH, 'spans');
      readSpan(reader, reader.uint32() + reader.pos, serviceName, batch);
    } else {
      reader.skipType(tag & 7);
    }
  }
  checkEnd(reader, end, 'scope_spans');
}

function readFixed64Ms(reader: Reader): number {
  const low = reader.fixed32();
  const high = reader.fixed32();
  return nanosHalvesToMs(low, high);
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

function readSpan(
  reader: Reader,
  end: number,
  serviceName: string,
  batch: DecodedBatch,
) {
  let traceId = '';
  let spanId = '';
  let parentSpanId: string | undefined;
  let name = '';
  let kind = 0;
  let startMs = 0;
  let endMs = 0;
  let status = 0;
  let statusMessage: string | undefined;
  const attributes: Record<string, AttributeValue> = {};
  let links: Array<{ traceId: string; spanId: string }> | undefined;
  while (reader.pos < end) {
    const tag = reader.uint32();
    const wire = tag & 7;
    switch (tag >>> 3) {
      case 1:
        expectWire(wire, WIRE_LENGTH, 'span.trace_id');
        traceId = hex(reader.bytes());
        break;
      case 2:
        expectWire(wire, WIRE_LENGTH, 'span.span_id');
        spanId = hex(reader.bytes());
        break;
      case 4: {
        expectWire(wire, WIRE_LENGTH, 'span.parent_span_id');
        const parent = reader.bytes();
        if (parent.length > 0) parentSpanId = hex(parent);
        break;
      }
      case 5:
        expectWire(wire, WIRE_LENGTH, 'span.name');
        name = reader.string();
        break;
      case 6:
        expectWire(wire, WIRE_VARINT, 'span.kind');
        kind = reader.uint32();
        break;
      case 7:
        expectWire(wire, WIRE_FIXED64, 'span.start_time_unix_nano');
        startMs = readFixed64Ms(reader);
        break;
      case 8:
        expectWire(wire, WIRE_FIXED64, 'span.end_time_unix_nano');
        endMs = readFixed64Ms(reader);
        break;
      case 9: {
        expectWire(wire, WIRE_LENGTH, 'span.attributes');
        const [key, value] = readKeyValue(
          reader,
          reader.uint32() + reader.pos,
          k => KEPT_ATTRIBUTES.has(k),
        );
        if (key !== undefined && value !== undefined) attributes[key] = value;
        break;
      }
      case 11: {
        expectWire(wire, WIRE_LENGTH, 'span.events');
        const message = readExceptionMessage(reader, reader.uint32() + reader.pos);
        if (message !== undefined && attributes['exception.message'] === undefined) {
          attributes['exception.message'] = message;
        }
        break;
      }
      case 13: {
        expectWire(wire, WIRE_LENGTH, 'span.links');
        const link = readLink(reader, reader.uint32() + reader.pos);
        if (link) (links ??= []).push(link);
        break;
      }
      case 15: {
        expectWire(wire, WIRE_LENGTH, 'span.status');
        const statusEnd = reader.uint32() + reader.pos;
        while (reader.pos < statusEnd) {
          const statusTag = reader.uint32();
          if (statusTag >>> 3 === 2 && (statusTag & 7) === WIRE_LENGTH) {
            statusMessage = reader.string() || undefined;
          } else if (statusTag >>> 3 === 3 && (statusTag & 7) === WIRE_VARINT) {
            status = reader.uint32();
          } else {
            reader.skipType(statusTag & 7);
          }
        }
        checkEnd(reader, statusEnd, 'span.status');
        break;
      }
      default:
        reader.skipType(wire);
    }
  }
  checkEnd(reader, end, 'span');
  const idProblem = checkIds(traceId, spanId);
  if (idProblem) {
    batch.invalid.push({ reason: idProblem });
    return;
  }
  const span: ReceivedSpan = {
    traceId,
    spanId,
    serviceName,
    name,
    kind: SPAN_KINDS[kind] ?? 'unspecified',
    startMs,
    endMs,
    status: STATUS_CODES[status] ?? 'unset',
    attributes,
  };
  if (parentSpanId) span.parentSpanId = parentSpanId;
  if (statusMessage) span.statusMessage = statusMessage;
  if (links) span.links = links;
  batch.spans.push(span);
}

/** An event named `exception`: its `exception.message`. */
function readExceptionMessage(reader: Reader, end: number): string | undefined {
  let name = '';
  let message: string | undefined;
  while (reader.pos < end) {
    const tag = reader.uint32();
    const field = tag >>> 3;
    if (field === 2 && (tag & 7) === WIRE_LENGTH) {
      name = reader.string();
    } else if (field === 3 && (tag & 7) === WIRE_LENGTH) {
      const [key, value] = readKeyValue(
        reader,
        reader.uint32() + reader.pos,
        k => k === 'exception.message',
      );
      if (key === 'exception.message' && value !== undefined) message = String(value);
    } else {
      reader.skipType(tag & 7);
    }
  }
  checkEnd(reader, end, 'span.events');
  return name === 'exception' ? message : undefined;
}

function readLink(
  reader: Reader,
  end: number,
): { traceId: string; spanId: string } | undefined {
  let traceId = '';
  let spanId = '';
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (tag >>> 3 === 1 && (tag & 7) === WIRE_LENGTH) traceId = hex(reader.bytes());
    else if (tag >>> 3 === 2 && (tag & 7) === WIRE_LENGTH) spanId = hex(reader.bytes());
    else reader.skipType(tag & 7);
  }
  checkEnd(reader, end, 'span.links');
  return checkIds(traceId, spanId) ? undefined : { traceId, spanId };
}

/**
 * A KeyValue; the value is read only when `wanted(key)` (the key comes first on the wire as
 * every encoder writes it; a value before its key is skipped).
 */
function readKeyValue(
  reader: Reader,
  end: number,
  wanted: (key: string) => boolean,
): [string | undefined, AttributeValue | undefined] {
  let key: string | undefined;
  let value: AttributeValue | undefined;
  while (reader.pos < end) {
    const tag = reader.uint32();
    const field = tag >>> 3;
    if (field === 1 && (tag & 7) === WIRE_LENGTH) {
      key = reader.string();
    } else if (field === 2 && (tag & 7) === WIRE_LENGTH && key !== undefined && wanted(key)) {
      value = readAnyValue(reader, reader.uint32() + reader.pos);
    } else {
      reader.skipType(tag & 7);
    }
  }
  checkEnd(reader, end, 'attribute');
  return [key, value];
}

/** A scalar AnyValue; arrays, kvlists and bytes are not kept (undefined). */
function readAnyValue(reader: Reader, end: number): AttributeValue | undefined {
  let value: AttributeValue | undefined;
  while (reader.pos < end) {
    const tag = reader.uint32();
    const wire = tag & 7;
    switch (tag >>> 3) {
      case 1:
        expectWire(wire, WIRE_LENGTH, 'string_value');
        value = reader.string();
        break;
      case 2:
        expectWire(wire, WIRE_VARINT, 'bool_value');
        value = reader.bool();
        break;
      case 3: {
        expectWire(wire, WIRE_VARINT, 'int_value');
        const long = reader.int64() as unknown as { low: number; high: number };
        value = long.high * 4294967296 + (long.low >>> 0);
        break;
      }
      case 4:
        expectWire(wire, WIRE_FIXED64, 'double_value');
        value = reader.double();
        break;
      default:
        reader.skipType(wire);
    }
  }
  checkEnd(reader, end, 'attribute value');
  return value;
}

function checkEnd(reader: Reader, end: number, what: string) {
  if (reader.pos !== end) {
    throw new MalformedRequestError(
      `${what}: its length runs past the enclosing message (byte ${reader.pos}, expected ${end})`,
    );
  }
}
