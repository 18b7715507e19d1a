/**
 * Deployments: types shared by the backend, the frontend and API clients.
 *
 * @packageDocumentation
 */
export {};
