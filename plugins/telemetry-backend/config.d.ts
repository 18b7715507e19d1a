import { HumanDuration } from '@backstage/types';

export interface Config {
  telemetry?: {
    /**
     * Link to the organisation's trace UI for a sampled trace; `{traceId}` is replaced, e.g.
     * `https://jaeger.example.com/trace/{traceId}` or
     * `https://grafana.example.com/explore?left={"datasource":"tempo","queries":[{"query":"{traceId}"}]}`.
     * @visibility frontend
     */
    traceUrlTemplate?: string;
    receiver?: {
      /**
       * Largest OTLP request body on the wire, in bytes (compressed or not); larger ones get
       * 413 before they are read. Default 8 MiB.
       * @visibility backend
       */
      maxBodyBytes?: number;
      /**
       * Largest body after gunzip, in bytes: a gzip body inflating past it gets 413 (zip bombs).
       * Default 64 MiB.
       * @visibility backend
       */
      maxDecompressedBytes?: number;
      /**
       * Spans waiting to be stored at most; a request that would exceed it gets 429 with
       * Retry-After. Bounds the receiver's memory. Default 50,000.
       * @visibility backend
       */
      maxQueuedSpans?: number;
      /**
       * Batches written to the database at once. Default 1 on SQLite, 4 on PostgreSQL.
       * @visibility backend
       */
      concurrency?: number;
      /**
       * Spans each replica keeps in memory (by trace) so a trace that enters a sample gets the
       * spans that arrived in earlier batches too. Default 20,000; 0 turns it off.
       * @visibility backend
       */
      recentSpans?: number;
    };
    retention?: {
      /**
       * How long per-minute RED and graph rows are kept (and how old a span may be to be
       * accepted). Default 2 days. A HumanDuration object or an ISO 8601 duration / `2d` string.
       * @visibility backend
       */
      minutes?: HumanDuration | string;
      /** How long per-hour rows are kept. Default 35 days. @visibility backend */
      hours?: HumanDuration | string;
      /**
       * The de-duplication window: a span id seen within it is not counted again (a retried
       * batch). Default 10 minutes.
       * @visibility backend
       */
      dedup?: HumanDuration | string;
      /** How long a caller or callee span waits for its other half. Default 10 minutes. @visibility backend */
      pendingPairs?: HumanDuration | string;
      /** How long a trace stays in a service's sample. Default 24 hours. @visibility backend */
      samples?: HumanDuration | string;
    };
  };
}
