import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/frontend-plugin-api';
import { useId } from 'react';
import { useAsyncRetry } from 'react-use';
import { CheckItem, LevelItem, governanceApiRef } from '../../api';
import { Empty, ErrorNotice, Loading } from '../shared';
import { percent, plural } from './format';
import { RollupTable } from './RollupTable';
import { TeamServices } from './TeamServices';

function OrganisationSummary(props: { levels: LevelItem[]; version: number }) {
  const api = useApi(governanceApiRef);
  const { value, error, loading, retry } = useAsyncRetry(
    () => api.getRollups('organisation'),
    [api, props.version],
  );
  if (error)
    return (
      <ErrorNotice
        what="the organisation's levels"
        error={error}
        onRetry={retry}
      />
    );
  if (loading || !value) return <Loading what="the organisation's levels" />;
  const org = value.items[0];
  if (!org) return <Empty>No entity has a scorecard yet.</Empty>;
  const counts = [...props.levels]
    .reverse()
    .map(level => `${level.title} ${org.levels[level.id] ?? 0}`)
    .concat(`no level ${org.levels.none ?? 0}`)
    .join(' · ');
  return (
    <Typography variant="body1" data-testid="governance-organisation">
      Organisation: {plural(org.entities, 'entity', 'entities')} — {counts}.
      Checks passed: {percent(org.passRate)}. Open findings: {org.openFindings}.
    </Typography>
  );
}

/**
 * Organisation → team → service: the organisation's levels, then per team (or system) how
 * many services reached each level; choosing a team lists its services with their level and
 * what they still fail.
 */
export function Drilldown(props: {
  levels: LevelItem[];
  checks: CheckItem[];
  by: 'owner' | 'system';
  team: string;
  version: number;
  onChange: (changes: {
    rollup?: string;
    team?: string;
    owner?: string;
  }) => void;
}) {
  const api = useApi(governanceApiRef);
  const { value, error, loading, retry } = useAsyncRetry(
    () => api.getRollups(props.by),
    [api, props.by, props.version],
  );
  const pickerId = useId();
  const label = props.by === 'owner' ? 'Team' : 'System';

  let table;
  if (error) {
    table = (
      <ErrorNotice what="the levels per team" error={error} onRetry={retry} />
    );
  } else if (loading || !value) {
    table = <Loading what="the levels per team" />;
  } else if (!value.items.length) {
    table = (
      <Empty>No {label.toLowerCase()} owns an entity with a scorecard.</Empty>
    );
  } else {
    table = (
      <RollupTable
        items={value.items}
        levels={props.levels}
        label={label}
        selected={props.by === 'owner' ? props.team : undefined}
        onSelect={
          props.by === 'owner'
            ? team => props.onChange({ team: team === props.team ? '' : team })
            : undefined
        }
      />
    );
  }

  return (
    <section data-testid="governance-drilldown">
      <OrganisationSummary levels={props.levels} version={props.version} />
      <Box my={1}>
        <TextField
          id={pickerId}
          select
          size="small"
          label="Levels by"
          value={props.by}
          onChange={event =>
            props.onChange({ rollup: event.target.value, team: '' })
          }
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
        >
          <option value="owner">Team</option>
          <option value="system">System</option>
        </TextField>
      </Box>
      {table}
      {props.by === 'owner' && props.team && (
        <TeamServices
          team={props.team}
          levels={props.levels}
          checks={props.checks}
          version={props.version}
          onShowFindings={() => props.onChange({ owner: props.team })}
        />
      )}
    </section>
  );
}
