/** A bounded sample of recent failing and slowest traces per service, with span trees. */

export interface SampledSpan {
  spanId: string;
  parentSpanId?: string;
  serviceName: string;
  name: string;
  kind: 'internal' | 'server' | 'client' | 'producer' | 'consumer';
  startTime: string;
  durationMs: number;
  status: 'unset' | 'ok' | 'error';
  statusMessage?: string;
  /** A few attributes that explain the span (http.route, http.response.status_code, db.system, messaging.destination.name, exception.message). */
  attributes: Record<string, string | number | boolean>;
  children: SampledSpan[];
}

export interface SampledTrace {
  traceId: string;
  serviceName: string;
  reason: 'error' | 'slow';
  rootName: string;
  startTime: string;
  durationMs: number;
  /** Link to the org's trace UI (`telemetry.traceUrlTemplate`, e.g. Jaeger/Tempo), if configured. */
  url?: string;
  root: SampledSpan;
}

export interface TraceSampleList {
  serviceName: string;
  failing: SampledTrace[];
  slowest: SampledTrace[];
}

/** OTLP partial success as the receiver answers it (OTLP/HTTP spec: ExportTraceServiceResponse). */
export interface ExportTraceResponse {
  partialSuccess?: { rejectedSpans: number; errorMessage: string };
}
