export interface Config {
  telemetry?: {
    /**
     * Demo traffic: the DataFlow demo organisation's request flow as real OpenTelemetry spans,
     * sent to this portal's own OTLP receiver. For the embedded default only.
     */
    demoTraffic?: {
      /**
       * Whether to emit demo spans. Default false; app-config.yaml (the embedded default)
       * turns it on, production configuration leaves it off.
       * @visibility backend
       */
      enabled?: boolean;
      /**
       * Requests entering the demo gateway per second, at most 10 (about 27 spans each, so
       * under 300 spans per second). Default 4.
       * @visibility backend
       */
      requestsPerSecond?: number;
    };
  };
}
