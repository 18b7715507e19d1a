import { createFrontendModule } from '@backstage/frontend-plugin-api';
import { strataServiceNameFormField } from './formFields';

/**
 * Strata's additions to the scaffolder's Create page. A module of the `scaffolder` plugin, so
 * its form fields attach to the scaffolder's own form-fields API.
 */
export const scaffolderStrataModule = createFrontendModule({
  pluginId: 'scaffolder',
  extensions: [strataServiceNameFormField],
});
