/**
 * Strata's additions to the Create page: the `StrataServiceName` form field.
 *
 * @packageDocumentation
 */
export { scaffolderStrataModule as default } from './module';
export { strataServiceNameFormField } from './formFields';
