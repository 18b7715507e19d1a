export interface Config {
  strata?: {
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
