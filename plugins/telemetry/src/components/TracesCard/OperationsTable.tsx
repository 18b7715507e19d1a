import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { RedReport } from '@internal/plugin-telemetry-common';
import { formatCount, formatMs, formatRatio } from '../../format';

/** How many operations the card lists; the backend sends them busiest first. */
const SHOWN = 8;

/** Per operation (route / span name): requests, error rate and latency, busiest first. */
export function OperationsTable(props: {
  operations: RedReport['operations'];
}) {
  const shown = props.operations.slice(0, SHOWN);
  const more = props.operations.length - shown.length;
  return (
    <Table size="small" aria-label="Operations, busiest first">
      <TableHead>
        <TableRow>
          <TableCell>Operation</TableCell>
          <TableCell align="right">Requests</TableCell>
          <TableCell align="right">Error rate</TableCell>
          <TableCell align="right">p50</TableCell>
          <TableCell align="right">p95</TableCell>
          <TableCell align="right">p99</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {shown.map(op => (
          <TableRow key={op.operation}>
            <TableCell component="th" scope="row">
              {op.operation}
            </TableCell>
            <TableCell align="right">{formatCount(op.requests)}</TableCell>
            <TableCell align="right">{formatRatio(op.errorRate)}</TableCell>
            <TableCell align="right">{formatMs(op.latencyMs.p50)}</TableCell>
            <TableCell align="right">{formatMs(op.latencyMs.p95)}</TableCell>
            <TableCell align="right">{formatMs(op.latencyMs.p99)}</TableCell>
          </TableRow>
        ))}
        {more > 0 && (
          <TableRow>
            <TableCell colSpan={6}>
              and {more} quieter operation{more === 1 ? '' : 's'}
            </TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}
