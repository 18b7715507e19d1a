/**
 * Generates the typed routers and clients of Strata's backend plugins from
 * their OpenAPI specs, and checks that the committed code matches them.
 *
 * @packageDocumentation
 */
export { main } from './main';
export type { Output } from './main';
export { discoverTargets } from './discover';
export type { Target } from './discover';
export { generateTarget } from './generate';
export type { Generated, GeneratedFile } from './generate';
export { findDrift, writeGenerated } from './sync';
export type { Drift } from './sync';
export { SpecError } from './spec/SpecError';
