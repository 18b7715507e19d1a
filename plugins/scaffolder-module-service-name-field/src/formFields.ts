import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

/** `ui:field: StrataServiceName`, loaded only when the Create page needs its fields. */
export const strataServiceNameFormField = FormFieldBlueprint.make({
  name: 'strata-service-name',
  params: {
    field: () =>
      import('./fields/StrataServiceName').then(m => m.StrataServiceNameField),
  },
});
