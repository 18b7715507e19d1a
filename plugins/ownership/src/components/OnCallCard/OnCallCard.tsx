import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { EntityInfoCard, useEntity } from '@backstage/plugin-catalog-react';
import { useAsyncRetry, useInterval } from 'react-use';
import { ownershipApiRef } from '../../api';
import { ErrorNotice, Loading } from '../shared';
import { OnCallView } from './OnCallView';

/** The card's title. */
export const ON_CALL_CARD_TITLE = 'On call';

/** Rotations change at shift boundaries; re-reading every minute keeps "now" true enough. */
const REFRESH_MS = 60_000;

/**
 * "On call", first on a service's page: owner team and contacts, who is on call now, the
 * escalation chain, SLO state, last deploy and the service's links, from the ownership lookup.
 */
export function OnCallCard() {
  const { entity } = useEntity();
  const api = useApi(ownershipApiRef);
  const entityRef = stringifyEntityRef(entity);
  const { value, error, loading, retry } = useAsyncRetry(
    () => api.lookupEntity(entityRef),
    [api, entityRef],
  );
  useInterval(retry, REFRESH_MS);
  const links = entity.metadata.links ?? [];

  let body;
  if (value) {
    // A failed refresh keeps the last answer on screen and says the refresh failed.
    body = (
      <>
        {error && (
          <ErrorNotice
            what="a fresh on-call answer"
            error={error}
            onRetry={retry}
          />
        )}
        <OnCallView result={value} links={links} />
      </>
    );
  } else if (error) {
    body = <ErrorNotice what="who is on call" error={error} onRetry={retry} />;
  } else {
    body = loading ? <Loading what="who is on call" /> : null;
  }
  return (
    <div data-testid="oncall-card">
      <EntityInfoCard title={ON_CALL_CARD_TITLE}>{body}</EntityInfoCard>
    </div>
  );
}
