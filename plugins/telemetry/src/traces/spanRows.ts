import { SampledSpan } from '@internal/plugin-telemetry-common';

/** One line of a span tree as the card draws it. */
export interface SpanRow {
  span: SampledSpan;
  /** 0 for the root. */
  depth: number;
  /** Where the span starts and how long it lasts, in % of the whole trace (for the bar). */
  offsetPercent: number;
  widthPercent: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

function walk(
  span: SampledSpan,
  visit: (span: SampledSpan, depth: number) => void,
  depth = 0,
) {
  visit(span, depth);
  [...span.children]
    .sort((a, b) => Date.parse(a.startTime) - Date.parse(b.startTime))
    .forEach(child => walk(child, visit, depth + 1));
}

/**
 * A span tree as rows, depth first with children by start time, each with its bar's place on
 * the trace's timeline. The timeline runs from the earliest start to the latest end of any span,
 * not the root's: a consumer may finish long after the producer's request returned.
 */
export function spanRows(root: SampledSpan): SpanRow[] {
  const spans: Array<{ span: SampledSpan; depth: number }> = [];
  walk(root, (span, depth) => spans.push({ span, depth }));
  const starts = spans.map(({ span }) => Date.parse(span.startTime));
  const begin = Math.min(...starts);
  const end = Math.max(
    ...spans.map(({ span }, i) => starts[i] + span.durationMs),
  );
  const total = Math.max(end - begin, 1e-3);
  return spans.map(({ span, depth }, i) => {
    const offset = ((starts[i] - begin) / total) * 100;
    return {
      span,
      depth,
      offsetPercent: round(offset),
      // At least a sliver, so a 0.1 ms span is still seen.
      widthPercent: round(
        Math.max(0.5, Math.min(100 - offset, (span.durationMs / total) * 100)),
      ),
    };
  });
}

/** The attributes that explain a span most, first: route and status, then peers, then the rest. */
const PREFERRED = [
  'http.request.method',
  'http.route',
  'http.response.status_code',
  'rpc.method',
  'db.system',
  'db.namespace',
  'db.operation.name',
  'messaging.system',
  'messaging.destination.name',
  'server.address',
  'exception.type',
  'exception.message',
];

/** A span's attributes as `name=value` pairs, the explaining ones first. */
export function keyAttributes(span: SampledSpan): Array<[string, string]> {
  const rank = (name: string) =>
    PREFERRED.includes(name) ? PREFERRED.indexOf(name) : PREFERRED.length;
  return Object.entries(span.attributes)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([name, value]) => [name, String(value)]);
}

/** The number of spans in a tree. */
export function spanCount(root: SampledSpan): number {
  let count = 0;
  walk(root, () => {
    count += 1;
  });
  return count;
}
