export interface Config {
  governance?: {
    /**
     * Tunables of the architecture rules (read by @internal/plugin-governance-common's
     * readGovernanceConfig; defaults in DEFAULT_GOVERNANCE_OPTIONS).
     */
    rules?: {
      /**
       * Broker name (spec.topic) or entity ref of the user-deletion topic services holding
       * personal data must consume. Default `user.deletion_requested`.
       * @visibility backend
       */
      userDeletionTopic?: string;
      /**
       * Longest synchronous call chain allowed, in calls (a → b → c is 2). Default 2.
       * @visibility backend
       */
      maxSyncDepth?: number;
      /**
       * API spec.types that are synchronous calls. Default openapi, grpc, graphql.
       * @visibility backend
       */
      syncApiTypes?: string[];
      /**
       * spec.lifecycle values that count as production. Default `production`.
       * @visibility backend
       */
      productionLifecycles?: string[];
      /**
       * Workload environments (deployments.clusterEnvironments) that count as production.
       * Default `production`.
       * @visibility backend
       */
      productionEnvironments?: string[];
    };
    /**
     * Checks as code; the built-in DEFAULT_CHECKS when absent. Each: id, title, description,
     * rationale, fix, appliesTo ({kind, type, tier, lifecycle}, each a value or a list) and a
     * condition (see the package README for the condition language).
     * @visibility backend
     */
    checks?: Array<{
      id: string;
      title: string;
      description: string;
      rationale: string;
      fix: string;
      appliesTo?: {
        kind?: string | string[];
        type?: string | string[];
        tier?: number | number[];
        lifecycle?: string | string[];
      };
      /** Backend-only like the rest of governance.* (the default visibility; `@deepVisibility` accepts only frontend or secret). */
      condition: object;
    }>;
    /**
     * Scorecard levels, lowest first (e.g. Bronze, Silver, Gold); each names the checks it adds.
     * The built-in DEFAULT_LEVELS when absent.
     * @visibility backend
     */
    levels?: Array<{
      id: string;
      title: string;
      checks: string[];
    }>;
  };
}
