export interface Config {
  ownership?: {
    /**
     * Ask PagerDuty (REST API v2) who is on call, ahead of the catalog's rotation annotations.
     * Without `token` the module stays off.
     */
    pagerduty?: {
      /** The REST API's base URL (default https://api.pagerduty.com; EU accounts use the same). */
      apiBaseUrl?: string;
      /** A REST API key, sent as `Authorization: Token token=<key>`. @visibility secret */
      token: string;
      /** How long one request may take, in milliseconds (default 5000). */
      timeoutMs?: number;
    };
  };
}
