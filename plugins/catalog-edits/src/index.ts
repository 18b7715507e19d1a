/**
 * Propose a change to a service from its page; it becomes a pull request.
 *
 * @packageDocumentation
 */
export { catalogEditsPlugin as default } from './plugin';
export { catalogEditsApiRef, CatalogEditsClient } from './api';
export type { CatalogEditsApi } from './api';
export { catalogEditsApi } from './apis';
export { proposeChangeEntityCard } from './entityCards';
export { ProposeChangeDialog } from './components/ProposeChangeCard';
export type { ProposeChangeInitialEdit } from './components/ProposeChangeCard';
