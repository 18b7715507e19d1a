import { Writer } from 'protobufjs/minimal';

/*
 * The OTLP/HTTP answers, in the request's encoding (the specification: the response uses the
 * request's Content-Type). Success is an `ExportTraceServiceResponse` (field 1 partial_success:
 * {1 rejected_spans int64, 2 error_message string}); failures carry a `google.rpc.Status`
 * (1 code int32, 2 message string).
 */

export type OtlpEncoding = 'protobuf' | 'json';

export const CONTENT_TYPES: Record<OtlpEncoding, string> = {
  protobuf: 'application/x-protobuf',
  json: 'application/json',
};

export interface PartialSuccess {
  rejectedSpans: number;
  errorMessage: string;
}

export function exportResponse(
  encoding: OtlpEncoding,
  partial?: PartialSuccess,
): Buffer | string {
  if (encoding === 'json') {
    return JSON.stringify(partial ? { partialSuccess: partial } : {});
  }
  const writer = Writer.create();
  if (partial) {
    writer.uint32((1 << 3) | 2).fork();
    writer.uint32((1 << 3) | 0).int64(partial.rejectedSpans);
    if (partial.errorMessage) writer.uint32((2 << 3) | 2).string(partial.errorMessage);
    writer.ldelim();
  }
  return Buffer.from(writer.finish());
}

/** gRPC status codes the receiver uses in `google.rpc.Status.code`. */
export const RPC_CODES = {
  INVALID_ARGUMENT: 3,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;

/**
 * A failure body. The JSON form also carries Backstage's `error` object, so the portal's own
 * clients read it like any other plugin's error.
 */
export function statusResponse(
  encoding: OtlpEncoding,
  code: number,
  name: string,
  message: string,
): Buffer | string {
  if (encoding === 'json') {
    return JSON.stringify({ code, message, error: { name, message } });
  }
  const writer = Writer.create();
  writer.uint32((1 << 3) | 0).int32(code);
  writer.uint32((2 << 3) | 2).string(message);
  return Buffer.from(writer.finish());
}
