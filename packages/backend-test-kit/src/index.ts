/**
 * Test helpers shared by Strata's backend packages (test code only; never imported by the
 * product's runtime path).
 *
 * @packageDocumentation
 */
export { perPluginDatabases } from './perPluginDatabases';
export {
  isolatedTestBackendServices,
  type IsolatedTestBackendServices,
} from './isolatedServices';
export { waitFor } from './waitFor';
export type { WaitForOptions } from './waitFor';
export {
  catalogErrorsSpy,
  catalogEventsHandle,
  type CatalogErrorEvent,
} from './catalogEvents';
export { describeMigrations, type MigratedTable } from './migrations';
export { onIpv4, type ListeningApp } from './onIpv4';
