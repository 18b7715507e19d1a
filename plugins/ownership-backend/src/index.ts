/**
 * Ownership backend: the lookup API, on-call providers and the on-call MCP actions.
 *
 * @packageDocumentation
 */
export { ownershipPlugin as default } from './plugin';
