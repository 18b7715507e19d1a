import {
  JsonTraceSerializer,
  ProtobufTraceSerializer,
} from '@opentelemetry/otlp-transformer';
import { Writer } from 'protobufjs/minimal';
import { sdkOrderFlowSpans } from '../__testUtils__/sdkSpans';
import { decodeJsonRequest } from './decodeJson';
import { decodeProtobufRequest, MalformedRequestError } from './decodeProtobuf';

const START = Date.parse('2026-12-01T10:00:00.000Z');

describe('OTLP decoding', () => {
  it('reads what the official protobuf and JSON serializers write, identically', async () => {
    const spans = await sdkOrderFlowSpans([
      { startMs: START, gatewayMs: 120, ordersMs: 80, failing: true },
    ]);
    const proto = ProtobufTraceSerializer.serializeRequest(spans)!;
    const json = JSON.parse(
      new TextDecoder().decode(JsonTraceSerializer.serializeRequest(spans)!),
    );
    const fromProto = decodeProtobufRequest(proto);
    const fromJson = decodeJsonRequest(json);
    expect(fromProto.invalid).toEqual([]);
    expect(fromProto).toEqual(fromJson);

    const byName = Object.fromEntries(fromProto.spans.map(s => [s.name, s]));
    expect(Object.keys(byName).sort()).toEqual([
      'GET',
      'GET /orders',
      'GET /orders/{id}',
      'SELECT shop.orders',
      'orders.created publish',
    ]);
    const root = byName['GET /orders'];
    const server = byName['GET /orders/{id}'];
    expect(root).toMatchObject({
      serviceName: 'gateway',
      kind: 'server',
      startMs: START,
      endMs: START + 120,
      status: 'unset',
      attributes: { 'http.route': '/orders', 'http.request.method': 'GET' },
    });
    expect(root.parentSpanId).toBeUndefined();
    expect(root.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(server).toMatchObject({
      serviceName: 'orders',
      kind: 'server',
      parentSpanId: byName.GET.spanId,
      traceId: root.traceId,
      status: 'error',
      statusMessage: 'upstream timeout',
      endMs: START + 82,
      attributes: {
        'http.route': '/orders/{id}',
        'http.response.status_code': 503,
        'exception.message': 'inventory timed out',
      },
    });
    expect(byName['SELECT shop.orders']).toMatchObject({
      kind: 'client',
      attributes: { 'db.system': 'postgresql', 'db.namespace': 'shop' },
    });
    expect(byName['orders.created publish'].kind).toBe('producer');
  });

  it('keeps sub-millisecond times from nanoseconds past 2^53', () => {
    const json = {
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'a' } }] },
          scopeSpans: [
            {
              spans: [
                {
                  traceId: '5B8EFFF798038103D269B633813FC60C',
                  spanId: 'EEE19B7EC3C1B174',
                  name: 'x',
                  kind: 2,
                  startTimeUnixNano: '1764583200000123456',
                  endTimeUnixNano: 1764583200250123000,
                  attributes: [{ key: 'http.response.status_code', value: { intValue: '500' } }],
                },
              ],
            },
          ],
        },
      ],
    };
    const [span] = decodeJsonRequest(json).spans;
    expect(span.traceId).toBe('5b8efff798038103d269b633813fc60c');
    expect(span.startMs).toBeCloseTo(1764583200000.1235, 3);
    expect(span.endMs - span.startMs).toBeCloseTo(250, 0);
    expect(span.attributes['http.response.status_code']).toBe(500);
  });

  it('counts spans with unusable ids as invalid instead of failing the batch', () => {
    const batch = decodeJsonRequest({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                { traceId: '00000000000000000000000000000000', spanId: 'eee19b7ec3c1b174' },
                { traceId: '5b8efff798038103d269b633813fc60c', spanId: 'abc' },
                { traceId: '5b8efff798038103d269b633813fc60c', spanId: 'eee19b7ec3c1b174', name: 'ok' },
              ],
            },
          ],
        },
      ],
    });
    expect(batch.invalid.map(i => i.reason)).toEqual([
      'invalid trace id (must be 16 bytes, not all zero)',
      'invalid span id (must be 8 bytes, not all zero)',
    ]);
    expect(batch.spans.map(s => [s.name, s.serviceName])).toEqual([['ok', 'unknown_service']]);
  });

  it('names what is wrong in a malformed body', () => {
    expect(() => decodeJsonRequest({ resourceSpans: {} })).toThrow(
      new MalformedRequestError('resourceSpans: must be an array'),
    );
    expect(() =>
      decodeJsonRequest({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: '5b8efff798038103d269b633813fc60c', spanId: 'eee19b7ec3c1b174', kind: 'SERVER' }] }] }] }),
    ).toThrow(/resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[0\]/);
    // Garbage bytes, and a valid message cut short.
    expect(() => decodeProtobufRequest(Buffer.from('not protobuf at all, just text'))).toThrow(
      MalformedRequestError,
    );
    const writer = Writer.create();
    writer.uint32((1 << 3) | 2).fork().uint32((2 << 3) | 2).bytes(new Uint8Array(40)).ldelim();
    const whole = writer.finish();
    expect(() => decodeProtobufRequest(whole.subarray(0, whole.length - 5))).toThrow(
      /not a valid ExportTraceServiceRequest|runs past/,
    );
  });

  it('decodes an empty request to no spans', () => {
    expect(decodeProtobufRequest(new Uint8Array(0))).toEqual({ spans: [], invalid: [] });
    expect(decodeJsonRequest({})).toEqual({ spans: [], invalid: [] });
  });
});
