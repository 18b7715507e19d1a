/**
 * SLO status for `GET /v1/slos?entityRef=`: the entity's OpenSLO file (strata.dev/slo-file),
 * read like a catalog file, evaluated through the metrics source.
 */
export { createSloService } from './createSloService';
export { SloService } from './SloService';
export { evaluateSlos, sliQuery } from './evaluateSlos';
export { locateSloFile, type SloFileLocation } from './sloFileLocation';
export { SloFileReader } from './SloFileReader';
