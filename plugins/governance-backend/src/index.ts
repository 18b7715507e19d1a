/**
 * Governance: architecture findings and scorecards over the whole catalog, with history,
 * waivers, an API and an MCP action.
 *
 * @packageDocumentation
 */
export { governancePlugin as default } from './plugin';
