/**
 * How each team of the demo organisation (../org/groups.yaml) ships to production, and the
 * services it owns (../services/<name>/catalog-info.yaml, spec.owner). The figures are per
 * service; they were chosen so the teams land in clearly different DORA bands (2023 report
 * thresholds, docs/deployments.md).
 *
 * - deploysPerWeekday / deploysPerWeekendDay: mean successful-or-not deployments per day;
 * - leadTimeHours: median commit → production, log-normally spread;
 * - durationMinutes: how long a rollout takes;
 * - failureRate: share of deployments that fail or are rolled back;
 * - incidentPerFailure: chance a failed deployment opens an incident;
 * - backgroundIncidentsPerDay: incidents unrelated to a deployment;
 * - restoreHours: median time to restore, log-normally spread.
 */
export const TEAM_PROFILES = {
  // Elite: many small changes a day, rarely failing, restored within the hour.
  platform: {
    services: ['api-gateway', 'notification', 'audit'],
    deploysPerWeekday: 3.2,
    deploysPerWeekendDay: 0.4,
    leadTimeHours: 1.5,
    durationMinutes: 4,
    failureRate: 0.02,
    incidentPerFailure: 0.5,
    backgroundIncidentsPerDay: 0.01,
    restoreHours: 0.4,
  },
  // High: about daily, lead time of a couple of days.
  pipelines: {
    services: ['pipeline-service', 'etl-workers'],
    deploysPerWeekday: 0.7,
    deploysPerWeekendDay: 0,
    leadTimeHours: 40,
    durationMinutes: 9,
    failureRate: 0.08,
    incidentPerFailure: 0.6,
    backgroundIncidentsPerDay: 0.01,
    restoreHours: 5,
  },
  'growth-reporting': {
    services: ['reporting', 'search'],
    deploysPerWeekday: 0.45,
    deploysPerWeekendDay: 0,
    leadTimeHours: 70,
    durationMinutes: 7,
    failureRate: 0.1,
    incidentPerFailure: 0.5,
    backgroundIncidentsPerDay: 0.01,
    restoreHours: 8,
  },
  // Medium: weekly-ish releases, lead time of one to two weeks.
  connectors: {
    services: ['connector-service'],
    deploysPerWeekday: 0.3,
    deploysPerWeekendDay: 0,
    leadTimeHours: 9 * 24,
    durationMinutes: 15,
    failureRate: 0.13,
    incidentPerFailure: 0.6,
    backgroundIncidentsPerDay: 0.01,
    restoreHours: 40,
  },
  identity: {
    services: ['auth', 'user-management'],
    deploysPerWeekday: 0.2,
    deploysPerWeekendDay: 0,
    leadTimeHours: 12 * 24,
    durationMinutes: 20,
    failureRate: 0.14,
    incidentPerFailure: 0.6,
    backgroundIncidentsPerDay: 0.01,
    restoreHours: 30,
  },
  // Low: the legacy Rails services — big monthly releases, often failing, slow to recover.
  billing: {
    services: ['billing', 'admin'],
    deploysPerWeekday: 0.07,
    deploysPerWeekendDay: 0,
    leadTimeHours: 55 * 24,
    durationMinutes: 45,
    failureRate: 0.38,
    incidentPerFailure: 0.8,
    backgroundIncidentsPerDay: 0.015,
    restoreHours: 9 * 24,
  },
};
