export {
  DemoTrafficRunner,
  MAX_REQUESTS_PER_SECOND,
} from './DemoTrafficRunner';
export { LoggingExporter } from './LoggingExporter';
export { SpanEmitter } from './SpanEmitter';
