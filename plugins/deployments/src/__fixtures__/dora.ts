import { DoraFigures, DoraReport } from '@internal/plugin-deployments-common';

const previous: DoraFigures = {
  deploymentsPerDay: 1.2,
  leadTimeSeconds: { median: 2 * 3600 },
  changeFailureRate: 0.1,
  timeToRestoreSeconds: { median: 3600 },
  deployments: 40,
  failedDeployments: 4,
  incidents: 3,
};

/** The billing team over 30 days: more deploys, slower lead time, fewer failures, same restore. */
export const billingTeamReport: DoraReport = {
  scope: {
    owner: 'group:default/billing',
    services: ['component:default/billing', 'component:default/invoices'],
  },
  window: '30d',
  environment: 'production',
  from: '2026-10-23T00:00:00.000Z',
  to: '2026-11-22T00:00:00.000Z',
  deploymentsPerDay: 1.5,
  leadTimeSeconds: { median: 3 * 3600 + 12 * 60 },
  changeFailureRate: 0.05,
  timeToRestoreSeconds: { median: 3600 },
  deployments: 47,
  failedDeployments: 2,
  incidents: 2,
  bands: {
    deploymentFrequency: 'elite',
    leadTime: 'high',
    changeFailureRate: 'elite',
    timeToRestore: 'high',
  },
  previous,
};

/** The same team with nothing recorded in either window. */
export const emptyReport: DoraReport = {
  ...billingTeamReport,
  scope: { owner: 'group:default/growth-reporting', services: [] },
  deploymentsPerDay: 0,
  leadTimeSeconds: { median: null },
  changeFailureRate: null,
  timeToRestoreSeconds: { median: null },
  deployments: 0,
  failedDeployments: 0,
  incidents: 0,
  bands: {
    deploymentFrequency: null,
    leadTime: null,
    changeFailureRate: null,
    timeToRestore: null,
  },
  previous: {
    deploymentsPerDay: 0,
    leadTimeSeconds: { median: null },
    changeFailureRate: null,
    timeToRestoreSeconds: { median: null },
    deployments: 0,
    failedDeployments: 0,
    incidents: 0,
  },
};
