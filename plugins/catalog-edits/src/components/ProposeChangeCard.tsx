import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InfoCard, Link } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef, useEntity } from '@backstage/plugin-catalog-react';
import {
  CatalogEdit,
  CatalogEditType,
  isSpecFieldPath,
  ProposeEditResponse,
  SPEC_FIELD_PATHS,
  SPEC_FIELDS,
  SpecFieldPath,
  specFieldValueFromText,
} from '@internal/plugin-catalog-edits-common';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { FormEvent, useEffect, useState } from 'react';
import { catalogEditsApiRef } from '../api';

type RefEditType = Exclude<CatalogEditType, 'setSpecField'>;

const EDIT_LABELS: Record<RefEditType, string> = {
  setOwner: 'Change the owner',
  addDatabase: 'Add a database',
  addProduces: 'Add a produced topic',
  addConsumes: 'Add a consumed topic',
};

/** What the form asks for: one of the edits above, or a service-model field by its path. */
type Choice = RefEditType | SpecFieldPath;

const capitalized = (text: string) =>
  `${text.charAt(0).toLocaleUpperCase('en-US')}${text.slice(1)}`;

/** The choices for an entity: the edits above, and the service-model fields of its kind. */
function choicesFor(entityRef: string, initial: Choice): [Choice, string][] {
  let kind: string | undefined;
  try {
    kind = parseEntityRef(entityRef).kind.toLocaleLowerCase('en-US');
  } catch {
    kind = undefined;
  }
  return [
    ...(Object.entries(EDIT_LABELS) as [Choice, string][]),
    ...SPEC_FIELD_PATHS.filter(
      path => SPEC_FIELDS[path].kind === kind || path === initial,
    ).map((path): [Choice, string] => [
      path,
      `Set the ${SPEC_FIELDS[path].label}`,
    ]),
  ];
}

function editOf(choice: Choice, value: string): CatalogEdit {
  if (isSpecFieldPath(choice)) {
    return {
      type: 'setSpecField',
      path: choice,
      value: specFieldValueFromText(choice, value),
    } as CatalogEdit;
  }
  switch (choice) {
    case 'setOwner':
      return { type: choice, owner: value };
    case 'addDatabase':
      return { type: choice, resourceRef: value };
    default:
      return { type: choice, topicRef: value };
  }
}

/** The value of a service-model field: a select of the model's values, or free text. */
function SpecFieldInput(props: {
  path: SpecFieldPath;
  value: string;
  onChange: (value: string) => void;
}) {
  const field = SPEC_FIELDS[props.path];
  const common = {
    id: 'catalog-edits-spec-field',
    label: capitalized(field.label),
    fullWidth: true,
    required: true,
    margin: 'normal' as const,
    value: props.value,
    onChange: (e: { target: { value: string } }) =>
      props.onChange(e.target.value),
  };
  if (!field.choices) {
    return (
      <TextField
        {...common}
        placeholder={
          props.path === 'spec.schema'
            ? 'api:default/pipeline-events'
            : 'pipeline.run.created'
        }
      />
    );
  }
  return (
    <TextField
      {...common}
      select
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
    >
      <option value="" disabled>
        Choose a value
      </option>
      {field.choices.map(choice => (
        <option key={String(choice)} value={String(choice)}>
          {String(choice)}
        </option>
      ))}
    </TextField>
  );
}

function errorMessage(error: unknown): string {
  const body = (error as { body?: { error?: { message?: string } } }).body;
  return body?.error?.message ?? (error as Error).message ?? String(error);
}

function useGroups(open: boolean) {
  const catalogApi = useApi(catalogApiRef);
  const [groups, setGroups] = useState<string[]>([]);
  useEffect(() => {
    if (!open) {
      return;
    }
    catalogApi
      .getEntities({
        filter: { kind: 'group' },
        fields: ['kind', 'metadata.name', 'metadata.namespace'],
      })
      .then(r => setGroups(r.items.map(e => stringifyEntityRef(e)).sort()))
      .catch(() => setGroups([]));
  }, [catalogApi, open]);
  return groups;
}

/**
 * A change to start the dialog with: its kind and value (an owner, a database or topic ref),
 * or for `setSpecField` the field's path and its value as the form shows it (`'2'`, `'true'`).
 */
export type ProposeChangeInitialEdit =
  | { type: RefEditType; value: string }
  | { type: 'setSpecField'; path: SpecFieldPath; value: string };

/**
 * The dialog: what to change, then a pull request. Other plugins open it prefilled with
 * `initialEdit` (e.g. a model hint's suggested value); the user can still change both.
 */
export function ProposeChangeDialog(props: {
  entityRef: string;
  initialEdit?: ProposeChangeInitialEdit;
  onClose: () => void;
  onProposed: (result: ProposeEditResponse) => void;
}) {
  const api = useApi(catalogEditsApiRef);
  const groups = useGroups(true);
  const initial = props.initialEdit;
  const [type, setType] = useState<Choice>(
    initial?.type === 'setSpecField'
      ? initial.path
      : initial?.type ?? 'setOwner',
  );
  const [value, setValue] = useState(initial?.value ?? '');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [choices] = useState(() => choicesFor(props.entityRef, type));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      props.onProposed(
        await api.propose({
          entityRef: props.entityRef,
          edit: editOf(type, value),
        }),
      );
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onClose={props.onClose} fullWidth maxWidth="sm">
      <form onSubmit={submit}>
        <DialogTitle>Propose a change to {props.entityRef}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" paragraph>
            The change is opened as a pull request against the entity's
            catalog-info.yaml. The catalog changes when it is merged.
          </Typography>
          <TextField
            id="catalog-edits-type"
            label="Change"
            select
            fullWidth
            margin="normal"
            SelectProps={{ native: true }}
            value={type}
            onChange={e => {
              setType(e.target.value as Choice);
              setValue('');
            }}
          >
            {choices.map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </TextField>
          {isSpecFieldPath(type) && (
            <SpecFieldInput path={type} value={value} onChange={setValue} />
          )}
          {type === 'setOwner' && (
            <TextField
              id="catalog-edits-owner"
              label="New owner"
              select
              fullWidth
              required
              margin="normal"
              SelectProps={{ native: true }}
              // A native select always shows its first option, so the label must stay shrunk.
              InputLabelProps={{ shrink: true }}
              value={value}
              onChange={e => setValue(e.target.value)}
            >
              <option value="" disabled>
                Choose a group
              </option>
              {groups.map(ref => (
                <option key={ref} value={ref}>
                  {ref}
                </option>
              ))}
            </TextField>
          )}
          {!isSpecFieldPath(type) && type !== 'setOwner' && (
            <TextField
              id="catalog-edits-ref"
              label={type === 'addDatabase' ? 'Database' : 'Topic or queue'}
              placeholder={
                type === 'addDatabase'
                  ? 'resource:default/pipeline-db'
                  : 'resource:default/pipeline-run-created'
              }
              fullWidth
              required
              margin="normal"
              value={value}
              onChange={e => setValue(e.target.value)}
            />
          )}
          {error && (
            <Typography color="error" role="alert">
              {error}
            </Typography>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button
            type="submit"
            color="primary"
            variant="contained"
            disabled={busy || !value}
          >
            Open pull request
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

/** The card on a service's overview: "Propose a change", then the PR link. */
export function ProposeChangeCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<ProposeEditResponse>();
  return (
    <InfoCard title="Catalog changes">
      <Typography variant="body2" paragraph>
        Owner, databases and events come from this service's catalog-info.yaml
        in Git. Changes are proposed as pull requests.
      </Typography>
      <Button variant="outlined" color="primary" onClick={() => setOpen(true)}>
        Propose a change
      </Button>
      {result && (
        <Typography variant="body2" style={{ marginTop: 16 }}>
          Pull request opened:{' '}
          <Link to={result.pullRequestUrl}>{result.pullRequestUrl}</Link>
        </Typography>
      )}
      {open && (
        <ProposeChangeDialog
          entityRef={entityRef}
          onClose={() => setOpen(false)}
          onProposed={r => {
            setResult(r);
            setOpen(false);
          }}
        />
      )}
    </InfoCard>
  );
}
