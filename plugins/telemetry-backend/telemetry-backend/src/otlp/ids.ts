const HEX = /^[0-9a-f]*$/;
const ZERO_TRACE = '0'.repeat(32);
const ZERO_SPAN = '0'.repeat(16);

/**
 * Why a span's ids are unusable (OTLP: a trace id is 16 bytes, a span id 8, neither all zero),
 * or undefined when they are fine. Ids are lower-case hex here.
 */
export function checkIds(traceId: string, spanId: string): string | undefined {
  if (traceId.length !== 32 || !HEX.test(traceId) || traceId === ZERO_TRACE) {
    return 'invalid trace id (must be 16 bytes, not all zero)';
  }
  if (spanId.length !== 16 || !HEX.test(spanId) || spanId === ZERO_SPAN) {
    return 'invalid span id (must be 8 bytes, not all zero)';
  }
  return undefined;
}
