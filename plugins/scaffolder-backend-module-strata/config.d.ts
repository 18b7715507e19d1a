export interface Config {
  strata?: {
    scaffolder?: {
      /**
       * The templates folder (templates/ of this repository), for templates that render a
       * sibling template's skeleton (strangler-extraction reuses node-service's), also in a dry
       * run. Relative to the backend's working directory (packages/backend). Unset: those
       * templates fail with a message naming this key.
       * @visibility backend
       */
      templatesDir?: string;
    };
    telemetry?: {
      /**
       * Where generated services send OpenTelemetry data: an OTLP/HTTP base URL, offered to the
       * templates as the template global `strataOtlpEndpoint` (templates/README.md). Default
       * Strata's in-cluster receiver, `http://strata.platform.svc.cluster.local:7007/api/otlp`.
       * @visibility backend
       */
      otlpEndpoint?: string;
    };
  };
}
