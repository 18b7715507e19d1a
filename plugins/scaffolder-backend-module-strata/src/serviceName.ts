/*
 * The service name rule. It lives in @internal/plugin-scaffolder-strata-common so the Create
 * form (as you type) and these actions (at run time) refuse the same names with the same words;
 * it is re-exported here so actions and tests import it from one place.
 */
export {
  serviceNameProblem,
  SERVICE_NAME_MAX_LENGTH,
  SERVICE_NAME_MIN_LENGTH,
} from '@internal/plugin-scaffolder-strata-common';
