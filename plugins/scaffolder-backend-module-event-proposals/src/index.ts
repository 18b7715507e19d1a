/**
 * Scaffolder module with the event template's `strata:catalog:propose-produces`: a pull request,
 * through catalog-edits, adding the new topic to the producing service's `spec.produces`.
 *
 * @packageDocumentation
 */

export { scaffolderModuleEventProposals as default } from './module';
