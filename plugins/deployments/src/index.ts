/**
 * Deployments on service and team pages: what runs where and why a rollout fails, the rollout
 * history, and DORA figures per service and team.
 *
 * @packageDocumentation
 */
export { deploymentsPlugin as default } from './plugin';
export { deploymentsApiRef, DeploymentsClient } from './api';
export type { DeploymentsApi, DoraQuery, RolloutQuery } from './api';
export { doraRouteRef } from './routes';
export * from './extensions';
