export interface Config {
  telemetry?: {
    /**
     * Read the SLO and RED counts from a Prometheus-compatible query API (Prometheus, Thanos
     * Query, Mimir) instead of the embedded aggregates. Without `baseUrl` the module stays off.
     */
    prometheus?: {
      /**
       * The API's base URL, without `/api/v1`: `http://prometheus:9090`,
       * `http://thanos-query:10902`, `http://mimir/prometheus`.
       */
      baseUrl: string;
      /** Sent as `Authorization: Bearer <token>`. @visibility secret */
      bearerToken?: string;
      /** Sent as `Authorization: Basic …` (not together with bearerToken). */
      basicAuth?: {
        username: string;
        /** @visibility secret */
        password: string;
      };
      /** Extra request headers, e.g. `X-Scope-OrgID` for a multi-tenant Mimir. @visibility secret */
      headers?: { [name: string]: string };
      /** How long one query may take, in milliseconds (default 10000). */
      timeoutMs?: number;
      /** Queries in flight at once (default 8). */
      maxConcurrentQueries?: number;
      /** Extra label matchers added to every selector, e.g. `job="otel-collector"`. */
      selector?: string;
      /** The spanmetrics connector's metric names as the Prometheus exporter (or remote write) writes them. */
      metrics?: {
        /** Default `traces_span_metrics_calls_total`. */
        calls?: string;
        /** Default `traces_span_metrics_duration_milliseconds_bucket`. */
        durationBucket?: string;
        /** The unit of the histogram's `le` bounds: `ms` (default) or `s` (the connector's `useSecondAsDefaultMetricsUnit` gate). */
        durationUnit?: 'ms' | 's';
      };
      /** Label names and values, when the Collector renames them. */
      labels?: {
        /** Default `service_name`. */
        service?: string;
        /** Default `span_name`. */
        operation?: string;
        /** Default `span_kind`. */
        spanKind?: string;
        /** Default `status_code`. */
        statusCode?: string;
        /**
         * The span kinds counted as requests; default `SPAN_KIND_SERVER` and `SPAN_KIND_CONSUMER`
         * (what the embedded aggregates count). Empty list: no span-kind matcher.
         */
        servedKinds?: string[];
        /** The error status' value; default `STATUS_CODE_ERROR`. */
        errorStatus?: string;
      };
      /**
       * PromQL templates that replace the built-in queries, e.g. over recording rules.
       * Placeholders: `$matchers` (service, operation, span kind and `selector` matchers as the
       * module builds them), `$errorMatcher` (the error-status matcher), `$service`,
       * `$operation` (escaped label values) and `$window` (the range, e.g. `300s`).
       * `total` and `errors` must return one number; `bucketsByLe` one series per `le`.
       */
      queries?: {
        total?: string;
        errors?: string;
        bucketsByLe?: string;
      };
    };
  };
}
