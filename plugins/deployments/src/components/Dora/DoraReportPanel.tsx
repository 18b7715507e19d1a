import { useApi } from '@backstage/frontend-plugin-api';
import { useAsyncRetry } from 'react-use';
import { DoraQuery, deploymentsApiRef } from '../../api';
import { ErrorNotice, Loading } from '../shared';
import { DoraFigures } from './DoraFigures';

/** Loads a DORA report and shows it, or says why it cannot. */
export function DoraReportPanel(props: {
  query: DoraQuery;
  headingLevel: 'h3' | 'h4' | 'h5';
  compact?: boolean;
}) {
  const api = useApi(deploymentsApiRef);
  const { query } = props;
  const scope = 'owner' in query ? query.owner : query.entityRef;
  const { value, error, loading, retry } = useAsyncRetry(
    () => api.getDora(query),
    // The query object is rebuilt on every render; its parts are what matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, scope, query.window],
  );
  if (error) {
    return (
      <ErrorNotice what="the DORA figures" error={error} onRetry={retry} />
    );
  }
  if (loading || !value) {
    return <Loading what="the DORA figures" />;
  }
  return (
    <DoraFigures
      report={value}
      headingLevel={props.headingLevel}
      compact={props.compact}
    />
  );
}
