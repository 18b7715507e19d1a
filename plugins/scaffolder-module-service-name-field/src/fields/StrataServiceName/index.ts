import {
  createFormField,
  FormField,
} from '@backstage/plugin-scaffolder-react/alpha';
import { makeFieldSchema } from '@backstage/plugin-scaffolder-react';
import { StrataServiceNamePicker } from './StrataServiceNamePicker';
import { strataServiceNameValidation } from './validation';

/** The name templates use: `ui:field: StrataServiceName`. */
export const STRATA_SERVICE_NAME_FIELD = 'StrataServiceName';

export const StrataServiceNameFieldSchema = makeFieldSchema({
  output: z => z.string(),
});

export const StrataServiceNameField: FormField = createFormField({
  name: STRATA_SERVICE_NAME_FIELD,
  component: StrataServiceNamePicker,
  validation: strataServiceNameValidation,
  schema: StrataServiceNameFieldSchema,
});

export { StrataServiceNamePicker } from './StrataServiceNamePicker';
export { strataServiceNameValidation } from './validation';
export {
  checkServiceName,
  describeServiceNameStatus,
} from './serviceNameStatus';
export type { ServiceNameStatus } from './serviceNameStatus';
