/** A span the demo will emit, planned before any SDK is involved (pure data, testable). */
export interface PlannedSpan {
  /** Index in the flow's `spans`; a parent always comes before its children. */
  index: number;
  parent?: number;
  /** The emitting service's OpenTelemetry `service.name`. */
  service: string;
  name: string;
  kind: 'server' | 'client' | 'producer' | 'consumer' | 'internal';
  /** Start, in ms after the flow's first span started. */
  startMs: number;
  durationMs: number;
  /** Set when the span failed: its status is ERROR with this message. */
  error?: string;
  attributes: Record<string, string | number | boolean>;
}

/** One request entering the gateway and everything it causes, synchronously and through topics. */
export interface PlannedFlow {
  /** Which kind of request: the gateway route. */
  route: string;
  /** From the first span's start to the last span's end. */
  durationMs: number;
  spans: PlannedSpan[];
}
