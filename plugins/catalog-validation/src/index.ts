/**
 * Catalog validation on entity pages (new frontend system).
 *
 * @packageDocumentation
 */
export { catalogValidationPlugin as default } from './plugin';
export { catalogValidationApiRef, CatalogValidationClient } from './api';
export type { CatalogValidationApi, EntityConflict } from './api';
export { catalogValidationApi } from './apis';
export { declaredTwiceEntityCard } from './entityCards';
