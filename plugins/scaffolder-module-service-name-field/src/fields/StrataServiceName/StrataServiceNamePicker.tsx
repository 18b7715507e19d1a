import TextField from '@material-ui/core/TextField';
import { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import { describeServiceNameStatus } from './serviceNameStatus';
import { useServiceNameStatus } from './useServiceNameStatus';

/**
 * A text field for a new service's name that says, as the person types, whether the name is
 * well-formed and still free in the catalog. Blocking happens in the field's validation.
 */
export const StrataServiceNamePicker = (
  props: FieldExtensionComponentProps<string>,
) => {
  const {
    onChange,
    required,
    disabled,
    formData,
    rawErrors,
    idSchema,
    placeholder,
    schema: { title = 'Name', description },
    uiSchema: { 'ui:autofocus': autoFocus },
  } = props;
  const name = formData ?? '';
  const check = useServiceNameStatus(name);

  // Templates usually explain the rule in ui:help; the description, if any, shows until typing.
  let helperText: string | undefined = description;
  let problem = false;
  if (name !== '' && check.checking) {
    helperText = `Checking ${name}…`;
  } else if (check.status) {
    helperText = describeServiceNameStatus(name, check.status);
    problem = check.status.state !== 'available';
  } else if (check.error) {
    helperText = `Could not ask the catalog whether ${name} is free (${check.error}); it is checked again when the service is created.`;
  }

  return (
    <TextField
      id={idSchema?.$id}
      label={title}
      placeholder={placeholder}
      required={required}
      disabled={disabled}
      value={name}
      onChange={event => onChange(event.target.value)}
      margin="normal"
      error={problem || (rawErrors?.length ?? 0) > 0}
      helperText={helperText}
      inputProps={{ autoFocus, spellCheck: false, autoComplete: 'off' }}
      FormHelperTextProps={{
        // Screen readers announce the verdict when it arrives, not on every keystroke.
        'aria-live': 'polite',
        margin: 'dense',
        style: { marginLeft: 0 },
      }}
    />
  );
};
