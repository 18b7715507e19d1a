/**
 * Catalog freshness on entity pages (new frontend system).
 *
 * @packageDocumentation
 */
export { catalogFreshnessPlugin as default } from './plugin';
export { sourceEntityCard } from './entityCards';
