import { Content } from '@backstage/core-components';
import { identityApiRef, useApi } from '@backstage/frontend-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import { WindowPicker } from '@internal/frontend-kit';
import Box from '@material-ui/core/Box';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useEffect, useId } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useAsync } from 'react-use';
import {
  DORA_WINDOW_LABELS,
  DORA_WINDOWS,
  TeamOption,
  defaultTeam,
  isDoraWindow,
  teamOptions,
} from '../../dora';
import { ErrorNotice, Loading } from '../shared';
import { TeamDora } from './TeamDora';

const GROUP_FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.type',
  'spec.profile.displayName',
];

function TeamPicker(props: {
  options: TeamOption[];
  value: string;
  onChange: (ref: string) => void;
}) {
  const id = useId();
  return (
    <TextField
      id={id}
      select
      size="small"
      label="Team"
      value={props.value}
      onChange={event => props.onChange(event.target.value)}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
    >
      {props.options.map(option => (
        <option key={option.ref} value={option.ref}>
          {option.title}
        </option>
      ))}
    </TextField>
  );
}

/**
 * The DORA page: a team (from the catalog's groups) and a window, kept in the URL
 * (`?team=group:default/billing&window=30d`) so a view can be shared; the four figures with
 * bands and trends over the services the team owns.
 */
export function DoraPage() {
  const catalogApi = useApi(catalogApiRef);
  const identityApi = useApi(identityApiRef);
  const [params, setParams] = useSearchParams();

  const groups = useAsync(async () => {
    const [{ items }, identity] = await Promise.all([
      catalogApi.getEntities({
        filter: { kind: 'Group' },
        fields: GROUP_FIELDS,
      }),
      identityApi.getBackstageIdentity(),
    ]);
    const options = teamOptions(items);
    return {
      options,
      preferred: defaultTeam(options, identity.ownershipEntityRefs),
    };
  }, [catalogApi, identityApi]);

  const windowParam = params.get('window');
  const window = isDoraWindow(windowParam) ? windowParam : '30d';
  const team = params.get('team') ?? groups.value?.preferred;

  const update = (changes: Record<string, string>) =>
    setParams(
      current => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes))
          next.set(key, value);
        return next;
      },
      { replace: true },
    );

  // Write the chosen default into the URL, so what is on screen can be shared as a link.
  const preferred = groups.value?.preferred;
  useEffect(() => {
    if (!params.get('team') && preferred) {
      update({ team: preferred });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [preferred]);

  let body;
  if (groups.error) {
    body = (
      <ErrorNotice what="the teams from the catalog" error={groups.error} />
    );
  } else if (groups.loading) {
    body = <Loading what="the teams" />;
  } else if (!groups.value?.options.length || !team) {
    body = (
      <Typography variant="body2">
        The catalog has no groups yet. DORA figures are per team: register your
        organisation's groups and the services they own.
      </Typography>
    );
  } else {
    const option = groups.value.options.find(o => o.ref === team);
    // A team from a shared link that the catalog does not list still gets its figures.
    const options = option
      ? groups.value.options
      : [{ ref: team, title: team, isTeam: false }, ...groups.value.options];
    body = (
      <>
        <Box display="flex" flexWrap="wrap" style={{ gap: 16 }}>
          <TeamPicker
            options={options}
            value={team}
            onChange={ref => update({ team: ref })}
          />
          <WindowPicker
            value={window}
            onChange={w => update({ window: w })}
            windows={DORA_WINDOWS}
            labels={DORA_WINDOW_LABELS}
          />
        </Box>
        <TeamDora
          owner={team}
          teamTitle={option?.title ?? team}
          window={window}
        />
      </>
    );
  }

  return (
    <Content>
      <div data-testid="dora-page">
        <Typography variant="body2" color="textSecondary" paragraph>
          How often a team's services reach production, how long a change takes
          to get there, how often a deployment fails and how fast service is
          restored — production only, over the services the team owns.
        </Typography>
        {body}
      </div>
    </Content>
  );
}
