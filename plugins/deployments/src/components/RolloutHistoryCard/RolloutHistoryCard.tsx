import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useId, useState } from 'react';
import { useAsyncRetry } from 'react-use';
import { deploymentsApiRef } from '../../api';
import { ErrorNotice, Loading } from '../shared';
import { RolloutTable } from './RolloutTable';

/** The card's title. */
export const ROLLOUT_HISTORY_TITLE = 'Rollout history';

/** How many rollouts the card lists. */
export const ROLLOUT_HISTORY_LIMIT = 25;

function EnvironmentPicker(props: {
  environments: string[];
  value: string;
  onChange: (environment: string) => void;
}) {
  const id = useId();
  return (
    <TextField
      id={id}
      select
      size="small"
      label="Environment"
      value={props.value}
      onChange={event => props.onChange(event.target.value)}
      SelectProps={{ native: true }}
      InputLabelProps={{ shrink: true }}
    >
      <option value="">All environments</option>
      {props.environments.map(environment => (
        <option key={environment} value={environment}>
          {environment}
        </option>
      ))}
    </TextField>
  );
}

/**
 * "Rollout history" on a service's page: its rollouts newest first, from the Kubernetes watch
 * and from CD systems, with outcomes and durations; one environment at a time if asked.
 */
export function RolloutHistoryCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const api = useApi(deploymentsApiRef);
  const [environment, setEnvironment] = useState('');
  // The picker offers every environment seen so far, so choosing one does not shrink the list.
  const [environments, setEnvironments] = useState<string[]>([]);

  const { value, error, loading, retry } = useAsyncRetry(async () => {
    const list = await api.getRollouts({
      entityRef,
      environment: environment || undefined,
      limit: ROLLOUT_HISTORY_LIMIT,
    });
    setEnvironments(seen =>
      [...new Set([...seen, ...list.items.map(r => r.environment)])].sort(),
    );
    return list;
  }, [api, entityRef, environment]);

  let content;
  if (error) {
    content = (
      <ErrorNotice what="the rollout history" error={error} onRetry={retry} />
    );
  } else if (loading && !value) {
    content = <Loading what="the rollout history" />;
  } else if (!value || value.items.length === 0) {
    content = (
      <Typography variant="body2">
        {environment
          ? `No rollouts recorded in ${environment} yet.`
          : 'No rollouts recorded for this service yet.'}{' '}
        The portal records them from the Kubernetes watch and from CD systems
        that post to <code>POST /api/deployments/v1/events</code>.
      </Typography>
    );
  } else {
    content = <RolloutTable rollouts={value.items} now={new Date()} />;
  }

  return (
    <div data-testid="rollout-history-card">
      <EntityInfoCard
        title={ROLLOUT_HISTORY_TITLE}
        headerActions={
          environments.length > 1 || environment ? (
            <EnvironmentPicker
              environments={environments}
              value={environment}
              onChange={setEnvironment}
            />
          ) : undefined
        }
      >
        {content}
      </EntityInfoCard>
    </div>
  );
}
