import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { Rollout } from '@internal/plugin-deployments-common';
import { formatMoment } from '../../format';
import { OutcomeChip } from './OutcomeChip';
import { rolloutDuration, rolloutSources } from './words';

/** Rollouts newest first: version, environment, start, duration, outcome, sources. */
export function RolloutTable(props: { rollouts: Rollout[]; now: Date }) {
  const { rollouts, now } = props;
  return (
    <Table size="small" aria-label="Rollouts, newest first">
      <TableHead>
        <TableRow>
          <TableCell>Version</TableCell>
          <TableCell>Environment</TableCell>
          <TableCell>Started</TableCell>
          <TableCell>Duration</TableCell>
          <TableCell>Outcome</TableCell>
          <TableCell>Sources</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rollouts.map(rollout => (
          <TableRow key={rollout.id} data-testid="rollout-row">
            <TableCell>
              {rollout.version ?? rollout.kubernetes?.image ?? 'unknown'}
              {rollout.commitSha && (
                <div>
                  <code title={rollout.commitSha}>
                    {rollout.commitSha.slice(0, 7)}
                  </code>
                </div>
              )}
            </TableCell>
            <TableCell>{rollout.environment}</TableCell>
            <TableCell>
              <time dateTime={rollout.startedAt} title={rollout.startedAt}>
                {formatMoment(rollout.startedAt, now)}
              </time>
            </TableCell>
            <TableCell>{rolloutDuration(rollout, now)}</TableCell>
            <TableCell>
              <OutcomeChip rollout={rollout} />
            </TableCell>
            <TableCell>{rolloutSources(rollout).join('; ')}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
