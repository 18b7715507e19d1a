import { SampledSpan, SampledTrace, TraceSampleList } from '@internal/plugin-telemetry-common';
import { StoredSample } from '../database/SampleReader';
import { StoredSpan } from '../database/SampleWriter';

/** The trace UI link: `{traceId}` in the template replaced, or none without a template. */
export function traceUrl(template: string | undefined, traceId: string): string | undefined {
  return template ? template.split('{traceId}').join(traceId) : undefined;
}

function toSampled(span: StoredSpan): SampledSpan {
  return {
    spanId: span.spanId,
    ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
    serviceName: span.serviceName,
    name: span.name,
    kind: span.kind === 'unspecified' ? 'internal' : span.kind,
    startTime: new Date(span.startMs).toISOString(),
    durationMs: span.durationMs,
    status: span.status,
    ...(span.statusMessage ? { statusMessage: span.statusMessage } : {}),
    attributes: span.attributes,
    children: [],
  };
}

/**
 * A span tree from the kept spans of one trace. The root is the span without a kept parent that
 * starts first (the trace's real root, or the sampled service's entry span when the spans above
 * it were not kept); other parentless spans hang under it, so nothing kept is hidden. Children
 * in start order.
 */
export function buildTree(spans: readonly StoredSpan[]): SampledSpan | undefined {
  if (spans.length === 0) return undefined;
  const nodes = new Map(spans.map(s => [s.spanId, toSampled(s)]));
  const orphans: SampledSpan[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentSpanId ? nodes.get(node.parentSpanId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else orphans.push(node);
  }
  const byStart = (a: SampledSpan, b: SampledSpan) => a.startTime.localeCompare(b.startTime);
  nodes.forEach(n => n.children.sort(byStart));
  orphans.sort(byStart);
  const [root, ...rest] = orphans;
  root.children.push(...rest);
  root.children.sort(byStart);
  return root;
}

export function traceSampleList(options: {
  serviceName: string;
  samples: readonly StoredSample[];
  spans: Map<string, StoredSpan[]>;
  urlTemplate?: string;
}): TraceSampleList {
  const toTrace = (sample: StoredSample): SampledTrace | undefined => {
    const root = buildTree(options.spans.get(sample.traceId) ?? []);
    if (!root) return undefined;
    const url = traceUrl(options.urlTemplate, sample.traceId);
    return {
      traceId: sample.traceId,
      serviceName: sample.serviceName,
      reason: sample.reason,
      rootName: sample.rootName,
      startTime: new Date(sample.startMs).toISOString(),
      durationMs: sample.durationMs,
      ...(url ? { url } : {}),
      root,
    };
  };
  const pick = (reason: 'error' | 'slow') =>
    options.samples
      .filter(s => s.reason === reason)
      .sort((a, b) => (reason === 'slow' ? b.durationMs - a.durationMs : b.startMs - a.startMs))
      .map(toTrace)
      .filter((t): t is SampledTrace => Boolean(t));
  return { serviceName: options.serviceName, failing: pick('error'), slowest: pick('slow') };
}
