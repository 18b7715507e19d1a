import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { WorkloadStatus } from '@internal/plugin-deployments-common';
import { formatMoment } from '../../format';
import { ROLLOUT_STATE_LABELS } from '../../status';

const useStyles = makeStyles(theme => ({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: theme.spacing(0.5, 2),
    margin: theme.spacing(1, 0),
    ...theme.typography.body2,
    '& dt': { color: theme.palette.text.secondary },
    '& dd': { margin: 0, overflowWrap: 'anywhere' },
  },
}));

function Fact(props: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </>
  );
}

function PodsTable(props: { workload: WorkloadStatus }) {
  const { workload } = props;
  return (
    <Table size="small" aria-label={`Pods of ${workload.name}`}>
      <TableHead>
        <TableRow>
          <TableCell>Pod</TableCell>
          <TableCell>Phase</TableCell>
          <TableCell>Ready</TableCell>
          <TableCell align="right">Restarts</TableCell>
          <TableCell>Reason</TableCell>
          <TableCell>Node</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {workload.pods.map(pod => (
          <TableRow key={pod.name}>
            <TableCell>
              <code>{pod.name}</code>
            </TableCell>
            <TableCell>{pod.phase}</TableCell>
            <TableCell>{pod.ready ? 'yes' : 'no'}</TableCell>
            <TableCell align="right">{pod.restarts}</TableCell>
            <TableCell>{pod.reason ?? ''}</TableCell>
            <TableCell>{pod.nodeName ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function WarningEvents(props: { workload: WorkloadStatus; now: Date }) {
  const { workload, now } = props;
  return (
    <ul aria-label={`Warning events of ${workload.name}`}>
      {workload.warningEvents.map((event, index) => (
        <li key={index}>
          <strong>{event.reason}</strong> on <code>{event.involvedObject}</code>
          {event.count > 1
            ? ` (${event.count}×, last ${formatMoment(event.lastSeen, now)})`
            : ` (${formatMoment(event.lastSeen, now)})`}
          : {event.message}
        </li>
      ))}
    </ul>
  );
}

/**
 * The facts under the problems: image and version, replicas, rollout state, HPA, then the pods
 * and the recent Warning events (folded away while the workload is healthy).
 */
export function WorkloadDetails(props: {
  workload: WorkloadStatus;
  now: Date;
}) {
  const { workload, now } = props;
  const { replicas, hpa } = workload;
  const classes = useStyles();
  const unfold = workload.problems.length > 0;
  return (
    <div>
      <dl className={classes.facts} aria-label={`Details of ${workload.name}`}>
        <Fact label="Image">
          <code>{workload.image}</code>
        </Fact>
        <Fact label="Version">
          {workload.version}
          {workload.revision ? ` (revision ${workload.revision})` : ''}
        </Fact>
        <Fact label="Replicas">
          {replicas.desired} desired · {replicas.updated} updated ·{' '}
          {replicas.ready} ready · {replicas.available} available
        </Fact>
        <Fact label="Rollout">{ROLLOUT_STATE_LABELS[workload.rollout]}</Fact>
        {hpa && (
          <Fact label="Autoscaler">
            {hpa.name}: {hpa.currentReplicas} running, wants{' '}
            {hpa.desiredReplicas}, allowed {hpa.minReplicas}–{hpa.maxReplicas}
            {hpa.currentReplicas >= hpa.maxReplicas ? ' (at its maximum)' : ''}
          </Fact>
        )}
      </dl>
      {workload.pods.length > 0 && (
        <details open={unfold}>
          <summary>Pods ({workload.pods.length})</summary>
          <PodsTable workload={workload} />
        </details>
      )}
      {workload.warningEvents.length > 0 ? (
        <details open={unfold}>
          <summary>Warning events ({workload.warningEvents.length})</summary>
          <WarningEvents workload={workload} now={now} />
        </details>
      ) : (
        <Typography variant="body2" color="textSecondary">
          No recent warning events.
        </Typography>
      )}
    </div>
  );
}
