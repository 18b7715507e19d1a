/**
 * A frontend module of the scaffolder that adds the service-name field extension to the Create
 * form: `ui:field: StrataServiceName`.
 *
 * @packageDocumentation
 */
export { scaffolderModuleServiceNameField as default } from './module';
export { strataServiceNameFormField } from './formFields';
