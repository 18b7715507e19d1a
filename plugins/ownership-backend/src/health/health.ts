/*
 * The lookup's health fields from the other plugins: `slo` from telemetry, `lastDeploy` from
 * deployments, through their generated clients with a plugin-to-plugin token on behalf of the
 * caller. Each is best effort: when the plugin is absent, slow or failing the field is left out
 * and `<field>Reason` says why — the owner and on-call answer never waits for or fails on them.
 */
import type {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import type { DeploymentsApiClient } from '@internal/plugin-deployments-common';
import type { LastDeploy, SloSummary } from '@internal/plugin-ownership-common';
import type { TelemetryApiClient } from '@internal/plugin-telemetry-common';

export type SloClient = Pick<TelemetryApiClient, 'getSlos'>;
export type RolloutsClient = Pick<DeploymentsApiClient, 'listRollouts'>;

export type Health = {
  slo?: SloSummary;
  sloReason?: string;
  lastDeploy?: LastDeploy;
  lastDeployReason?: string;
};

type Rollout = Awaited<
  ReturnType<RolloutsClient['listRollouts']>
>['items'][number];

function toLastDeploy(rollout: Rollout): LastDeploy {
  return {
    id: rollout.id,
    environment: rollout.environment,
    startedAt: rollout.startedAt,
    ...(rollout.version ? { version: rollout.version } : {}),
    ...(rollout.commitSha ? { commitSha: rollout.commitSha } : {}),
    ...(rollout.finishedAt ? { finishedAt: rollout.finishedAt } : {}),
    ...(rollout.outcome ? { outcome: rollout.outcome } : {}),
  };
}

export class HealthSources {
  constructor(
    private readonly options: {
      auth: AuthService;
      telemetry?: SloClient;
      deployments?: RolloutsClient;
      timeoutMs: number;
    },
  ) {}

  async slo(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Pick<Health, 'slo' | 'sloReason'>> {
    const { telemetry } = this.options;
    if (!telemetry)
      return { sloReason: 'the telemetry plugin is not installed' };
    try {
      const list = await this.call('telemetry', credentials, token =>
        telemetry.getSlos({ query: { entityRef } }, { token }),
      );
      if (list.items.length === 0) {
        const problems = list.problems.map(p => p.message).join('; ');
        return {
          sloReason: problems
            ? `telemetry: no SLOs (${problems})`
            : 'telemetry: the entity has no SLOs (no strata.dev/slo-file)',
        };
      }
      const objectives = list.items.map(s => ({
        name: s.name,
        kind: s.kind,
        target: s.target,
        attainment: s.attainment,
        errorBudgetRemaining: s.errorBudgetRemaining,
        alert: s.alert,
      }));
      const measured = objectives.filter(o => o.attainment !== null);
      return {
        slo: {
          withinSlo: measured.length
            ? measured.every(o => (o.attainment as number) >= o.target)
            : null,
          objectives,
        },
      };
    } catch (error) {
      return { sloReason: `telemetry: ${(error as Error).message}` };
    }
  }

  async lastDeploy(
    entityRef: string,
    credentials: BackstageCredentials,
  ): Promise<Pick<Health, 'lastDeploy' | 'lastDeployReason'>> {
    const { deployments } = this.options;
    if (!deployments)
      return { lastDeployReason: 'the deployments plugin is not installed' };
    try {
      const { items } = await this.call('deployments', credentials, token =>
        deployments.listRollouts({ query: { entityRef, limit: 1 } }, { token }),
      );
      const [rollout] = items;
      if (!rollout)
        return { lastDeployReason: 'deployments: no rollout recorded' };
      return { lastDeploy: toLastDeploy(rollout) };
    } catch (error) {
      return { lastDeployReason: `deployments: ${(error as Error).message}` };
    }
  }

  /** Rollouts of the entity started at or after `since`, newest first (at most 100). */
  async rolloutsSince(
    entityRef: string,
    since: Date,
    credentials: BackstageCredentials,
  ): Promise<{ rollouts?: LastDeploy[]; reason?: string }> {
    const { deployments } = this.options;
    if (!deployments)
      return { reason: 'the deployments plugin is not installed' };
    try {
      const { items } = await this.call('deployments', credentials, token =>
        deployments.listRollouts(
          { query: { entityRef, limit: 100 } },
          { token },
        ),
      );
      return {
        rollouts: items
          .filter(r => Date.parse(r.startedAt) >= since.getTime())
          .map(toLastDeploy),
      };
    } catch (error) {
      return { reason: `deployments: ${(error as Error).message}` };
    }
  }

  /** One call with a token for `pluginId` on behalf of the caller, bounded by the timeout. */
  private async call<T>(
    pluginId: string,
    credentials: BackstageCredentials,
    send: (token: string) => Promise<T>,
  ): Promise<T> {
    const { token } = await this.options.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: pluginId,
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(new Error(`no answer within ${this.options.timeoutMs} ms`)),
        this.options.timeoutMs,
      );
    });
    try {
      return await Promise.race([send(token), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
