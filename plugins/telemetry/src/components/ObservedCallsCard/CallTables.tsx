import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { makeStyles } from '@material-ui/core/styles';
import { EdgeReport, ObservedEdge } from '@internal/plugin-telemetry-common';
import { formatCount, formatMoment, formatRatio } from '../../format';
import { relationWords } from '../../graph';
import { NodeLabel } from './NodeLabel';

const KIND_WORDS: Record<ObservedEdge['kind'], string> = {
  http: 'HTTP',
  rpc: 'RPC',
  messaging: 'messaging',
  database: 'database',
};

const useStyles = makeStyles(theme => ({
  undeclared: {
    background:
      theme.palette.type === 'dark'
        ? 'rgba(255, 152, 0, 0.16)'
        : 'rgba(255, 152, 0, 0.12)',
    '& > *:first-child': {
      borderLeft: `4px solid ${theme.palette.warning.main}`,
    },
  },
}));

/** Observed calls: caller, callee, how, how often, errors and when last seen. */
export function ObservedCallTable(props: {
  label: string;
  edges: ObservedEdge[];
  now: Date;
}) {
  const classes = useStyles();
  return (
    <Table size="small" aria-label={props.label}>
      <TableHead>
        <TableRow>
          <TableCell>From</TableCell>
          <TableCell>To</TableCell>
          <TableCell>Kind</TableCell>
          <TableCell align="right">Calls</TableCell>
          <TableCell align="right">Errors</TableCell>
          <TableCell>Last seen</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.edges.map(edge => (
          <TableRow
            key={`${edge.from}→${edge.to}→${edge.kind}`}
            className={edge.declared ? undefined : classes.undeclared}
            data-testid="telemetry-edge"
            data-declared={edge.declared}
            data-from={edge.from}
            data-to={edge.to}
          >
            <TableCell>
              <NodeLabel node={edge.from} />
            </TableCell>
            <TableCell>
              <NodeLabel node={edge.to} />
            </TableCell>
            <TableCell>{KIND_WORDS[edge.kind]}</TableCell>
            <TableCell align="right">{formatCount(edge.count)}</TableCell>
            <TableCell align="right">
              {edge.errors
                ? `${formatCount(edge.errors)} (${formatRatio(
                    edge.errors / edge.count,
                  )})`
                : 'none'}
            </TableCell>
            <TableCell>
              <time
                dateTime={edge.lastSeen}
                title={`first seen ${edge.firstSeen}`}
              >
                {formatMoment(edge.lastSeen, props.now)}
              </time>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Declared relations no span showed: stale declarations, or code paths not exercised. */
export function NeverObservedTable(props: {
  relations: EdgeReport['neverObserved'];
}) {
  return (
    <Table size="small" aria-label="Declared but not observed">
      <TableHead>
        <TableRow>
          <TableCell>Entity</TableCell>
          <TableCell>Declared relation</TableCell>
          <TableCell>Target</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.relations.map(r => (
          <TableRow
            key={`${r.from}→${r.relation}→${r.to}`}
            data-testid="telemetry-never-observed"
            data-from={r.from}
            data-to={r.to}
          >
            <TableCell>
              <NodeLabel node={r.from} />
            </TableCell>
            <TableCell>{relationWords(r.relation)}</TableCell>
            <TableCell>
              <NodeLabel node={r.to} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
