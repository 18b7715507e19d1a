/**
 * Strata's service model on entity pages (new frontend system only).
 *
 * @packageDocumentation
 */
export { serviceModelPlugin as default } from './plugin';
export {
  dataAndEventsEntityCard,
  dataAndEventsCardFilter,
  modelHintsEntityCard,
  systemArchitectureGraphCard,
  systemGraphDefaults,
  serviceModelCatalogGraphModule,
  serviceModelRelations,
} from './extensions';
