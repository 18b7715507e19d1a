import { PlannedFlow, PlannedSpan } from './types';

type Attributes = PlannedSpan['attributes'];

/** A span being planned: its place in the flow and its start; its duration comes when it closes. */
export interface OpenSpan {
  index: number;
  startMs: number;
  service: string;
}

/**
 * Collects the spans of one flow. Spans are opened parent first and closed when their end is
 * known (a server span ends after the calls it makes), so durations follow from the children.
 */
export class FlowBuilder {
  private readonly spans: PlannedSpan[] = [];

  open(span: {
    parent?: OpenSpan;
    service: string;
    name: string;
    kind: PlannedSpan['kind'];
    startMs: number;
    attributes?: Attributes;
  }): OpenSpan {
    const index = this.spans.length;
    this.spans.push({
      index,
      parent: span.parent?.index,
      service: span.service,
      name: span.name,
      kind: span.kind,
      startMs: span.startMs,
      durationMs: 0,
      attributes: span.attributes ?? {},
    });
    return { index, startMs: span.startMs, service: span.service };
  }

  /** Ends a span at `endMs`; returns the end, so calls can be chained on a timeline. */
  close(
    span: OpenSpan,
    endMs: number,
    outcome: { error?: string; attributes?: Attributes } = {},
  ): number {
    const planned = this.spans[span.index];
    planned.durationMs = Math.round((endMs - span.startMs) * 10) / 10;
    if (outcome.error) planned.error = outcome.error;
    Object.assign(planned.attributes, outcome.attributes);
    return endMs;
  }

  /** The flow, its times shifted so the first span starts at 0. */
  build(route: string): PlannedFlow {
    const first = Math.min(...this.spans.map(s => s.startMs));
    const spans = this.spans.map(s => ({ ...s, startMs: s.startMs - first }));
    const durationMs = Math.max(...spans.map(s => s.startMs + s.durationMs));
    return { route, durationMs, spans };
  }
}
