import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import { useAsyncRetry, useInterval } from 'react-use';
import { deploymentsApiRef } from '../../api';
import { hasWorkloadAnnotation } from '../../filters';
import { ErrorNotice, Loading } from '../shared';
import { DeploymentsStatusView } from './DeploymentsStatusView';

/** The card's title. */
export const DEPLOYMENTS_CARD_TITLE = 'Deployments';

/** How often the card re-reads the status (the backend answers from its watch cache). */
const REFRESH_MS = 30_000;

function ServiceStatus(props: { entityRef: string; unannotatedName?: string }) {
  const api = useApi(deploymentsApiRef);
  const { value, error, loading, retry } = useAsyncRetry(
    () => api.getStatus(props.entityRef),
    [api, props.entityRef],
  );
  useInterval(retry, REFRESH_MS);

  // A refresh keeps showing the last answer; only the first load shows progress.
  if (value) {
    return (
      <>
        {error && (
          <ErrorNotice what="fresh status" error={error} onRetry={retry} />
        )}
        <DeploymentsStatusView
          status={value}
          now={new Date()}
          unannotatedName={props.unannotatedName}
        />
      </>
    );
  }
  if (error) {
    return (
      <ErrorNotice what="the deployment status" error={error} onRetry={retry} />
    );
  }
  return loading ? <Loading what="the deployment status" /> : null;
}

/**
 * "Deployments" on a service's page: per cluster and environment what runs, problems first and
 * in words, then the details; or how to connect a cluster or annotate the service.
 */
export function DeploymentsCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  // Unannotated services are still looked up (by their name, as upstream does); they are told
  // how to annotate themselves only when that finds nothing.
  const unannotatedName = hasWorkloadAnnotation(entity)
    ? undefined
    : entity.metadata.name;
  return (
    <div data-testid="deployments-card">
      <EntityInfoCard title={DEPLOYMENTS_CARD_TITLE}>
        <ServiceStatus
          entityRef={entityRef}
          unannotatedName={unannotatedName}
        />
      </EntityInfoCard>
    </div>
  );
}
