import { createExtensionTester } from '@backstage/frontend-test-utils';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import { strataServiceNameFormField } from './formFields';
import scaffolderModuleServiceNameField from './index';

describe('scaffolderModuleServiceNameField', () => {
  it('is a module of the scaffolder plugin', () => {
    expect(scaffolderModuleServiceNameField.pluginId).toBe('scaffolder');
  });

  it('attaches the StrataServiceName field to the scaffolder form-fields API', async () => {
    const tester = createExtensionTester(strataServiceNameFormField);
    const loader = tester.get(FormFieldBlueprint.dataRefs.formFieldLoader);
    const field = (await loader()) as unknown as {
      name: string;
      validation?: unknown;
    };
    expect(field.name).toBe('StrataServiceName');
    expect(field.validation).toEqual(expect.any(Function));
    expect(strataServiceNameFormField).toMatchObject({
      kind: 'scaffolder-form-field',
      name: 'strata-service-name',
      attachTo: { id: 'api:scaffolder/form-fields', input: 'formFields' },
    });
  });
});
