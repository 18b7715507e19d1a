export { DataAndEventsCard, DATA_AND_EVENTS_TITLE } from './DataAndEventsCard';
export type {
  DataAndEventsModel,
  ServiceDataAndEvents,
  DatabaseDataAndEvents,
  ChannelDataAndEvents,
} from './model';
