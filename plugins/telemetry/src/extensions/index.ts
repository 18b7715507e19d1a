export { telemetryApi } from './apis';
export {
  observedCallsEntityCard,
  sloEntityCard,
  tracesEntityCard,
} from './entityCards';
