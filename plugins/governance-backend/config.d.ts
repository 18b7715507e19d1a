/*
 * Configuration of the governance backend: when it evaluates, what it keeps, and waiver limits.
 * The rules' options, the checks and the levels (`governance.rules`, `governance.checks`,
 * `governance.levels`) are declared by @internal/plugin-governance-common, which reads them.
 */
import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  governance?: {
    /**
     * The scheduled evaluation. Default: every 5 minutes, 5-minute timeout, first run 5 minutes
     * after start (the change probe runs the first evaluation sooner).
     * @visibility backend
     */
    schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    /**
     * Evaluation after catalog changes: every `frequencySeconds` (default 60) the plugin reads
     * each entity's ref and etag and evaluates when they differ from the latest evaluation's.
     * @visibility backend
     */
    changeProbe?: {
      /** Default true. */
      enabled?: boolean;
      /** Default 60. */
      frequencySeconds?: number;
    };
    /**
     * The telemetry window the observed edges are read over: 15m, 1h, 6h, 24h (default) or 7d.
     * @visibility backend
     */
    telemetryWindow?: string;
    /**
     * What is kept.
     * @visibility backend
     */
    retention?: {
      /** Stored evaluations (each with its findings and check results). Default 20. */
      evaluations?: number;
      /** Days of daily history counts (trends). Default 365. */
      historyDays?: number;
    };
    /**
     * Waiver limits.
     * @visibility backend
     */
    waivers?: {
      /** The furthest a waiver's expiry may be, in days from its creation. Default 365. */
      maxDays?: number;
    };
  };
}
