import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { DeploymentsApiClient } from '@internal/plugin-deployments-common';
import {
  governancePermissions,
  readGovernanceConfig,
} from '@internal/plugin-governance-common';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { TelemetryApiClient } from '@internal/plugin-telemetry-common';
import { registerListFindingsAction } from './actions/listFindingsAction';
import { readGovernanceSettings } from './config';
import { EvaluationStore } from './database/EvaluationStore';
import { HistoryStore } from './database/HistoryStore';
import { SourceAvailabilityStore } from './database/SourceAvailabilityStore';
import { governanceDatabase } from './database/migrate';
import { WaiverStore } from './database/WaiverStore';
import { Evaluator } from './evaluation/Evaluator';
import { CatalogInput } from './inputs/catalogInput';
import { nextEvaluationBy } from './onDemand/nextEvaluation';
import { OnDemandChecks } from './onDemand/OnDemandChecks';
import { catalogEntityReader } from './onDemand/readEntityWithOwners';
import { createRouter } from './service/router';
import { GovernanceViews } from './service/views';

/**
 * Governance: the architecture rules and checks of governance-common over the whole catalog
 * (with telemetry and deployments when they answer), on a schedule and after catalog changes;
 * findings, scorecards, rollups, history and waivers over HTTP and as an MCP action.
 */
export const governancePlugin = createBackendPlugin({
  pluginId: 'governance',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        discovery: coreServices.discovery,
        auditor: coreServices.auditor,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init(deps) {
        const settings = readGovernanceSettings(deps.config);
        const governance = readGovernanceConfig(deps.config);
        deps.permissionsRegistry.addPermissions(governancePermissions);

        const db = await governanceDatabase(deps.database);
        const evaluations = new EvaluationStore(db);
        const history = new HistoryStore(db);
        const waivers = new WaiverStore(db);

        // Plugin-to-plugin calls with this plugin's own token: the findings are the
        // organisation's, not the caller's.
        const token = async (targetPluginId: string) =>
          deps.auth.getPluginRequestToken({
            onBehalfOf: await deps.auth.getOwnServiceCredentials(),
            targetPluginId,
          });
        const telemetry = new TelemetryApiClient({
          discoveryApi: deps.discovery,
        });
        const deployments = new DeploymentsApiClient({
          discoveryApi: deps.discovery,
        });
        const evaluator = new Evaluator({
          catalog: new CatalogInput(deps.catalog, deps.auth),
          edges: async window =>
            telemetry.getEdges({ query: { window } }, await token('telemetry')),
          services: async window =>
            telemetry.getServices(
              { query: { window } },
              await token('telemetry'),
            ),
          deploymentStatus: async entityRef =>
            deployments.getStatus(
              { query: { entityRef } },
              await token('deployments'),
            ),
          evaluations,
          history,
          waivers,
          availability: new SourceAvailabilityStore(db),
          governance,
          telemetryWindow: settings.telemetryWindow,
          retention: settings.retention,
          logger: deps.logger,
        });

        // Global tasks: with several replicas one of them evaluates, the others read the result.
        await deps.scheduler.scheduleTask({
          id: 'governance-evaluate',
          ...settings.schedule,
          scope: 'global',
          fn: async () => {
            await evaluator.run('schedule');
          },
        });
        if (settings.changeProbe.enabled) {
          // Also runs the first evaluation: with none stored, the catalog counts as changed.
          await deps.scheduler.scheduleTask({
            id: 'governance-catalog-change-probe',
            frequency: { seconds: settings.changeProbe.frequencySeconds },
            timeout: settings.schedule.timeout,
            initialDelay: { seconds: 15 },
            scope: 'global',
            fn: async () => {
              await evaluator.runIfCatalogChanged();
            },
          });
        }

        // An entity registered since the latest evaluation gets its checks run on demand.
        const onDemand = new OnDemandChecks({
          read: catalogEntityReader(deps.catalog, deps.auth),
          governance,
          nextEvaluationBy: (latestStartedAt, now) =>
            nextEvaluationBy(settings, latestStartedAt, now),
        });
        const views = new GovernanceViews(
          evaluations,
          waivers,
          governance,
          onDemand,
        );
        registerListFindingsAction({
          actionsRegistry: deps.actionsRegistry,
          views,
        });
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            auditor: deps.auditor,
            views,
            waivers,
            history,
            evaluator,
            governance,
            maxWaiverDays: settings.waivers.maxDays,
          }),
        );
      },
    });
  },
});
