export interface Config {
  ownership?: {
    index?: {
      /**
       * Rebuild the lookup index from the catalog at most this often, in seconds (default 60).
       * A lookup is answered from the current index meanwhile, so it may be this much behind.
       */
      refreshSeconds?: number;
    };
    health?: {
      /**
       * How long the lookup waits for telemetry (slo) and deployments (lastDeploy), in
       * milliseconds (default 2000); past it the field is left out with a reason.
       */
      timeoutMs?: number;
    };
    alertmanager?: {
      /**
       * Where POST /api/ownership/v1/alertmanager forwards Alertmanager's payload, each alert
       * with an `ownership` field. Without it the route answers the enrichment only.
       */
      forwardUrl?: string;
      /** How long the forward may take, in milliseconds (default 5000). */
      forwardTimeoutMs?: number;
    };
  };
}
