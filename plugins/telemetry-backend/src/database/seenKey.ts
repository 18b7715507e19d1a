import { ReceivedSpan } from '../otlp/spans';

const MINUTE_MS = 60_000;

/**
 * The de-duplication key of a span in `telemetry_seen_spans`: the minute the span ended in
 * (6 base-36 digits, so keys sort by it) followed by its trace id and span id (24 bytes,
 * base64url) — 38 characters, within the column's 48.
 *
 * Why the minute first: trace and span ids are random, so keys made of them alone land all over
 * the primary-key index and every batch dirtied a page per span (written again at each commit);
 * a batch's spans end within a minute or two of each other, so these keys are inserted side by
 * side at the index's recent end. A retried batch, or the same batch at two replicas, carries
 * the same end times and ids, so it has the same keys and is still counted once.
 */
export function seenKey(span: ReceivedSpan): string {
  const minute = Math.floor(span.endMs / MINUTE_MS)
    .toString(36)
    .padStart(6, '0');
  return (
    minute +
    Buffer.from(span.traceId + span.spanId, 'hex').toString('base64url')
  );
}
