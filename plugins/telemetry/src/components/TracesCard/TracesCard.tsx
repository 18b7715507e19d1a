import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import { WindowPicker } from '@internal/frontend-kit';
import { useState } from 'react';
import { useAsyncRetry, useInterval } from 'react-use';
import { TELEMETRY_WINDOWS, telemetryApiRef, TelemetryWindow } from '../../api';
import { TELEMETRY_WINDOW_LABELS } from '../../format';
import { serviceNameOf } from '../../filters';
import { ErrorNotice, Loading } from '../shared';
import { NoTraffic } from './NoTraffic';
import { RedView } from './RedView';
import { TraceSamples } from './TraceSamples';

/** The card's title. */
export const TRACES_CARD_TITLE = 'Traces';

const REFRESH_MS = 60_000;

function Red(props: { serviceName: string; window: TelemetryWindow }) {
  const api = useApi(telemetryApiRef);
  const { value, error, loading, retry } = useAsyncRetry(
    () => api.getRed(props.serviceName, props.window),
    [api, props.serviceName, props.window],
  );
  useInterval(retry, REFRESH_MS);

  // A refresh keeps the last answer for the same window; a new window shows progress.
  const current = value?.window === props.window ? value : undefined;
  if (!current) {
    if (error) {
      return (
        <ErrorNotice what="the request figures" error={error} onRetry={retry} />
      );
    }
    return loading ? <Loading what="the request figures" /> : null;
  }
  return (
    <>
      {error && (
        <ErrorNotice
          what="fresh request figures"
          error={error}
          onRetry={retry}
        />
      )}
      {current.requests === 0 ? (
        <NoTraffic serviceName={props.serviceName} window={props.window} />
      ) : (
        <RedView report={current} now={new Date()} />
      )}
    </>
  );
}

/**
 * "Traces" on a service's page: rate, errors and latency over a window (figures, over time and
 * per operation), then the recent failing and slowest traces as span trees, linked to the
 * organisation's trace UI when one is configured.
 */
export function TracesCard() {
  const { entity } = useEntity();
  const serviceName = serviceNameOf(entity);
  const [window, setWindow] = useState<TelemetryWindow>('1h');
  return (
    <div data-testid="telemetry-traces-card">
      <EntityInfoCard
        title={TRACES_CARD_TITLE}
        headerActions={
          <WindowPicker
            value={window}
            onChange={setWindow}
            windows={TELEMETRY_WINDOWS}
            labels={TELEMETRY_WINDOW_LABELS}
          />
        }
      >
        <Typography variant="subtitle1" component="h3">
          Requests, errors and latency
        </Typography>
        <Red serviceName={serviceName} window={window} />
        <TraceSamples serviceName={serviceName} />
      </EntityInfoCard>
    </div>
  );
}
