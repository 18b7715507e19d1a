export {
  dataAndEventsEntityCard,
  dataAndEventsCardFilter,
} from './dataAndEventsCard';
export {
  systemArchitectureGraphCard,
  systemGraphDefaults,
} from './systemArchitectureGraphCard';
export {
  serviceModelCatalogGraphModule,
  serviceModelRelations,
} from './catalogGraphModule';
export { modelHintsEntityCard } from './modelHintsCard';
