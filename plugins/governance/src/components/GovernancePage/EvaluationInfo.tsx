import { useApi } from '@backstage/frontend-plugin-api';
import Typography from '@material-ui/core/Typography';
import { useAsync } from 'react-use';
import { governanceApiRef } from '../../api';

/**
 * When the figures were computed and from what: "Evaluated 2026-12-02 07:40 UTC (schedule);
 * telemetry: ok; deployments: unavailable: …". Quiet when it cannot be read: the sections below
 * say what failed.
 */
export function EvaluationInfo(props: { version: number }) {
  const api = useApi(governanceApiRef);
  const { value } = useAsync(
    () => api.getLatestEvaluation(),
    [api, props.version],
  );
  if (!value) return null;
  const when = `${value.finishedAt.slice(0, 16).replace('T', ' ')} UTC`;
  const sources = Object.entries(value.sources)
    .map(([name, state]) => `${name}: ${state}`)
    .join('; ');
  return (
    <Typography
      variant="body2"
      color="textSecondary"
      data-testid="governance-evaluation"
    >
      Evaluated {when} ({value.trigger}); {sources}.
    </Typography>
  );
}
