/**
 * Deployments: the workload-status, history and DORA types shared by the backend, the frontend
 * and API clients, and the plugin's permissions.
 *
 * @packageDocumentation
 */
export * from './status';
export * from './history';
export * from './dora';
export * from './permissions';

// The backend's API, generated from its spec (`yarn openapi:generate`).
export { DeploymentsApiClient } from './generated';
