/**
 * Rules shared by Strata's Create form (browser) and its scaffolder actions
 * (backend), so both refuse the same names with the same words.
 *
 * @packageDocumentation
 */
export {
  serviceNameProblem,
  SERVICE_NAME_MAX_LENGTH,
  SERVICE_NAME_MIN_LENGTH,
} from './serviceName';
