import { DecodedBatch, ReceivedSpan } from './spans';

/** How far in the future a span may end before it counts as clock skew. */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;

export interface AdmissionRules {
  nowMs: number;
  /** Spans that ended before this are older than the retention and rejected. */
  oldestEndMs: number;
  /** For the messages: the retention in words, e.g. `2d`. */
  retentionText: string;
}

export interface Admission {
  accepted: ReceivedSpan[];
  /** Rejected spans by reason, in the order the reasons first came up. */
  rejected: Map<string, number>;
  rejectedCount: number;
}

/**
 * Which decoded spans the receiver takes: spans with usable ids that end no more than 5 minutes
 * in the future (else the sender's clock is off and the minute they would count in is wrong),
 * not before they start, and inside the retention. Everything else is counted by reason for the
 * partial-success answer; nothing is dropped silently.
 */
export function admitSpans(batch: DecodedBatch, rules: AdmissionRules): Admission {
  const rejected = new Map<string, number>();
  const reject = (reason: string) => rejected.set(reason, (rejected.get(reason) ?? 0) + 1);
  for (const { reason } of batch.invalid) reject(reason);

  const latestEnd = rules.nowMs + MAX_FUTURE_SKEW_MS;
  const accepted: ReceivedSpan[] = [];
  for (const span of batch.spans) {
    if (!(span.endMs > 0) || !(span.startMs > 0)) {
      reject('no start or end time');
    } else if (span.endMs < span.startMs) {
      reject('ends before it starts');
    } else if (span.endMs > latestEnd) {
      reject('ends more than 5 minutes in the future (is the sender\'s clock right?)');
    } else if (span.endMs < rules.oldestEndMs) {
      reject(`ended before the retention window (older than ${rules.retentionText})`);
    } else {
      accepted.push(span);
    }
  }
  let rejectedCount = 0;
  rejected.forEach(n => {
    rejectedCount += n;
  });
  return { accepted, rejected, rejectedCount };
}

/** The partial-success error message: every reason with its count. */
export function describeRejections(admission: Admission, total: number): string {
  const parts = [...admission.rejected].map(
    ([reason, n]) => `${n} ${n === 1 ? 'span' : 'spans'}: ${reason}`,
  );
  return `${admission.rejectedCount} of ${total} spans rejected — ${parts.join('; ')}`;
}
