/**
 * Validates catalog files over HTTP (`POST /validate`) with the rules of the
 * `strata-catalog` CLI.
 *
 * @packageDocumentation
 */

export { catalogValidationPlugin as default } from './plugin';
