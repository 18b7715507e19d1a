/**
 * OpenSLO v1 as Strata reads it (pure, browser-safe): parsing with positions, validation with
 * file:line:column, and the mapping of each SLO to counts of server spans.
 */
export { parseOpenSloFile } from './parseOpenSloFile';
export {
  checkOpenSloDocuments,
  isOpenSloDocument,
  OPENSLO_API_VERSION,
  OPENSLO_KINDS,
} from './checkDocuments';
export { OPENSLO_RULES, type OpenSloRule } from './rules';
export {
  parseSpanFilter,
  type SpanFilter,
  type FilterParseResult,
} from './filter';
export { parseDurationShorthand, fixedDurationMs } from './duration';
export { SUPPORTED_METRIC, SUPPORTED_SOURCE_TYPE } from './metricSource';
export type {
  DocumentPathSegment,
  DurationShorthand,
  DurationUnit,
  OpenSloDocumentInput,
  OpenSloFile,
  SloDefinition,
  SloIndicator,
  SloTimeWindow,
} from './types';
