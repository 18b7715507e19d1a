/**
 * Deployments: status from a Kubernetes watch cache, rollout history and DORA figures.
 *
 * @packageDocumentation
 */
export { deploymentsPlugin as default } from './plugin';
