/*
 * ONE traffic dataset (pure, deterministic): server spans of a few services over the last
 * hours, to be fed to every source under test — the Prometheus source (as spanmetrics-shaped
 * counters, openMetrics.ts), the embedded store (as received spans) — and counted exactly here.
 *
 * Shape, chosen so the SLO states differ and none sits on a threshold:
 * - `checkout`: healthy (≈0.1 % errors, fast);
 * - `billing`: a latency breach (≈6 % slower than 250 ms all along);
 * - `search`: an error burst in the last 40 minutes (≈30 % errors): a fast burn;
 * - `notifications`: a consumer of `pipeline.run.completed` (consumer spans count as requests).
 * Every span ends strictly inside a minute (never on a boundary), so [from, to) ranges on
 * minute boundaries are unambiguous for every source.
 */

export const MINUTE_MS = 60_000;

export interface TrafficSpan {
  serviceName: string;
  operation: string;
  kind: 'server' | 'consumer' | 'client';
  /** Span end; the span is counted at its end, as spanmetrics and the embedded store do. */
  endMs: number;
  durationMs: number;
  error: boolean;
}

export interface TrafficDataset {
  /** Minute-aligned; no span ends before it (every counter is 0 here). */
  startMs: number;
  /** Minute-aligned; no span ends at or after it. */
  endMs: number;
  spans: TrafficSpan[];
}

/** mulberry32: a small seeded PRNG, so every run sees the same traffic. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Profile {
  serviceName: string;
  kind?: 'server' | 'consumer';
  operations: string[];
  perMinute: number;
  errorShare: (minutesBeforeEnd: number) => number;
  slowShare: number;
}

const PROFILES: Profile[] = [
  {
    serviceName: 'checkout',
    operations: ['POST /orders', 'GET /orders/{id}'],
    perMinute: 12,
    errorShare: () => 0.001,
    slowShare: 0.002,
  },
  {
    serviceName: 'billing',
    operations: ['POST /invoices'],
    perMinute: 8,
    errorShare: () => 0.0005,
    slowShare: 0.06,
  },
  {
    serviceName: 'search',
    operations: ['GET /search'],
    perMinute: 10,
    errorShare: minutesBeforeEnd => (minutesBeforeEnd <= 40 ? 0.3 : 0.002),
    slowShare: 0.001,
  },
  {
    serviceName: 'notifications',
    kind: 'consumer',
    operations: ['pipeline.run.completed process'],
    perMinute: 4,
    errorShare: () => 0.01,
    slowShare: 0.01,
  },
];

/** Traffic over `hours` hours ending at `endMs` (floored to a minute). */
export function generateTraffic(options: {
  endMs: number;
  hours: number;
  seed?: number;
}): TrafficDataset {
  const endMs = Math.floor(options.endMs / MINUTE_MS) * MINUTE_MS;
  const startMs = endMs - options.hours * 60 * MINUTE_MS;
  const next = random(options.seed ?? 12);
  const spans: TrafficSpan[] = [];
  for (let minute = startMs; minute < endMs; minute += MINUTE_MS) {
    const minutesBeforeEnd = (endMs - minute) / MINUTE_MS;
    for (const p of PROFILES) {
      for (const operation of p.operations) {
        const n = Math.round(p.perMinute * (0.5 + next()));
        for (let i = 0; i < n; i++) {
          const slow = next() < p.slowShare;
          spans.push({
            serviceName: p.serviceName,
            operation,
            kind: p.kind ?? 'server',
            // 1 ms … 59 999 ms into the minute: never on a boundary.
            endMs: minute + 1 + Math.floor(next() * (MINUTE_MS - 2)),
            // Fast: 3–180 ms; slow: 300–2000 ms (thresholds 250/500 ms stay clear of the bulk).
            durationMs: slow
              ? 300 + Math.floor(next() * 1700)
              : 3 + Math.floor(next() * 177),
            error: next() < p.errorShare(minutesBeforeEnd),
          });
        }
      }
      // A client span now and then: must never count as a request of the service.
      if (p.serviceName === 'checkout') {
        spans.push({
          serviceName: p.serviceName,
          operation: 'POST billing',
          kind: 'client',
          endMs: minute + 30_000,
          durationMs: 40,
          error: next() < 0.5,
        });
      }
    }
  }
  return { startMs, endMs, spans };
}

/**
 * The exact count the SliQuery semantics ask for: served (server and consumer) spans ending in
 * [from, to).
 */
export function exactCount(
  dataset: TrafficDataset,
  query: {
    serviceName: string;
    operation?: string;
    kind: 'total' | 'errors' | 'slowerThan';
    thresholdMs?: number;
    from: Date;
    to: Date;
  },
): number {
  const from = query.from.getTime();
  const to = query.to.getTime();
  let n = 0;
  for (const s of dataset.spans) {
    if (s.kind === 'client' || s.serviceName !== query.serviceName) continue;
    if (query.operation !== undefined && s.operation !== query.operation)
      continue;
    if (s.endMs < from || s.endMs >= to) continue;
    if (query.kind === 'errors' && !s.error) continue;
    if (
      query.kind === 'slowerThan' &&
      !(s.durationMs > (query.thresholdMs ?? Infinity))
    )
      continue;
    n += 1;
  }
  return n;
}
