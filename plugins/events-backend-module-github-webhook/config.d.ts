export interface Config {
  events?: {
    modules?: {
      github?: {
        /**
         * The secret of the GitHub webhook: every delivery to POST /api/events/http/github must
         * carry `X-Hub-Signature-256: sha256=<HMAC-SHA256 of the body with this secret>`, or it
         * is answered 401 and published nowhere. Without it the endpoint is not registered.
         * @visibility secret
         */
        webhookSecret?: string;
      };
    };
  };
}
