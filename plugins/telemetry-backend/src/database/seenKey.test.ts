import { span } from '../__testUtils__/spans';
import { seenKey } from './seenKey';

describe('seenKey', () => {
  const endMs = Date.parse('2026-12-01T10:00:30.000Z');
  const a = span({
    traceId: 'a'.repeat(32),
    spanId: 'b'.repeat(16),
    startMs: endMs - 5,
    endMs,
  });

  it('is the same for the same span (a retry, another replica) and fits the 48-character column', () => {
    expect(seenKey({ ...a })).toBe(seenKey(a));
    expect(seenKey(a)).toHaveLength(38);
  });

  it('tells spans apart by trace id and span id', () => {
    const keys = new Set([
      seenKey(a),
      seenKey({ ...a, spanId: 'c'.repeat(16) }),
      seenKey({ ...a, traceId: 'c'.repeat(32) }),
    ]);
    expect(keys.size).toBe(3);
  });

  it('sorts by the minute the span ended in, whatever its ids', () => {
    const later = seenKey({
      ...a,
      traceId: `${'0'.repeat(31)}1`,
      endMs: endMs + 60_000,
    });
    const earlier = seenKey({ ...a, traceId: 'f'.repeat(32) });
    expect(earlier < later).toBe(true);
    // Within one minute the ids decide; the minute part is the same.
    expect(seenKey({ ...a, endMs: endMs + 20_000 }).slice(0, 6)).toBe(
      seenKey(a).slice(0, 6),
    );
  });
});
