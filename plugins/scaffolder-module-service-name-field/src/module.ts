import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { strataServiceNameFormField } from './formFields';

/**
 * The service-name field of the scaffolder's Create page. A module of the `scaffolder` plugin,
 * so its form field attaches to the scaffolder's own form-fields API.
 */
export const scaffolderModuleServiceNameField = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [strataServiceNameFormField],
});
