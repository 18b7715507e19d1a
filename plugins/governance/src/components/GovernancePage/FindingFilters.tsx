import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import { useId } from 'react';
import { RULE_IDS, governanceRules } from '@internal/plugin-governance-common';

function Picker(props: {
  label: string;
  value: string;
  options: Array<{ value: string; title: string }>;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <TextField
      id={id}
      select
      size="small"
      label={props.label}
      value={props.value}
      onChange={event => props.onChange(event.target.value)}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
    >
      <option value="">All</option>
      {props.options.map(option => (
        <option key={option.value} value={option.value}>
          {option.title}
        </option>
      ))}
    </TextField>
  );
}

/** Native selects (labelled Rule, Owner, Namespace) narrowing the findings; "All" is no filter. */
export function FindingFilters(props: {
  rule: string;
  owner: string;
  namespace: string;
  /** Owners and namespaces that occur in the unfiltered findings. */
  owners: string[];
  namespaces: string[];
  onChange: (changes: {
    rule?: string;
    owner?: string;
    namespace?: string;
  }) => void;
}) {
  const asOptions = (values: string[]) =>
    values.map(value => ({ value, title: value }));
  // A value from a shared link stays selectable even when no current finding has it.
  const withCurrent = (values: string[], current: string) =>
    current && !values.includes(current) ? [current, ...values] : values;
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 16 }} my={1}>
      <Picker
        label="Rule"
        value={props.rule}
        options={RULE_IDS.map(id => ({
          value: id,
          title: governanceRules[id].title,
        }))}
        onChange={rule => props.onChange({ rule })}
      />
      <Picker
        label="Owner"
        value={props.owner}
        options={asOptions(withCurrent(props.owners, props.owner))}
        onChange={owner => props.onChange({ owner })}
      />
      <Picker
        label="Namespace"
        value={props.namespace}
        options={asOptions(withCurrent(props.namespaces, props.namespace))}
        onChange={namespace => props.onChange({ namespace })}
      />
    </Box>
  );
}
