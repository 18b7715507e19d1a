import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import { useAsyncRetry, useInterval } from 'react-use';
import { telemetryApiRef } from '../../api';
import { serviceNameOf, sloFileOf } from '../../filters';
import { ErrorNotice, Loading } from '../shared';
import { NoSloFile } from './NoSloFile';
import { SloStatusView } from './SloStatusView';

/** The card's title. */
export const SLO_CARD_TITLE = 'Service level objectives';

/** How often the status is read again: burn rates over 5 minutes move within a minute. */
const REFRESH_MS = 60_000;

function SloStatus(props: { entityRef: string }) {
  const api = useApi(telemetryApiRef);
  const { value, error, loading, retry } = useAsyncRetry(
    () => api.getSlos(props.entityRef),
    [api, props.entityRef],
  );
  useInterval(retry, REFRESH_MS);

  // A refresh keeps showing the last answer; only the first load shows progress.
  if (value) {
    return (
      <>
        {error && (
          <ErrorNotice
            what="a fresh SLO status"
            error={error}
            onRetry={retry}
          />
        )}
        <SloStatusView list={value} now={new Date()} />
      </>
    );
  }
  if (error) {
    return <ErrorNotice what="the SLO status" error={error} onRetry={retry} />;
  }
  return loading ? <Loading what="the SLO status" /> : null;
}

/**
 * "Service level objectives" on a service's page: per objective the alert state and why,
 * target, attainment, budget left, burn rates and the budget over time; the SLO file's
 * problems at file:line; or how to add an SLO file.
 */
export function SloCard() {
  const { entity } = useEntity();
  return (
    <div data-testid="telemetry-slo-card">
      <EntityInfoCard title={SLO_CARD_TITLE}>
        {sloFileOf(entity) ? (
          <SloStatus entityRef={stringifyEntityRef(entity)} />
        ) : (
          <NoSloFile serviceName={serviceNameOf(entity)} />
        )}
      </EntityInfoCard>
    </div>
  );
}
