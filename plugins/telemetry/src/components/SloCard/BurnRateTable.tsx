import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { formatBurnRate } from '../../format';
import { burnWindowsOf } from '../../slo';

/**
 * Burn rates per window, shortest first: how many times faster than the window can afford
 * the budget is being spent (1× spends exactly the budget by the window's end).
 */
export function BurnRateTable(props: {
  title: string;
  burnRates: Record<string, number | null>;
}) {
  const windows = burnWindowsOf(props.burnRates);
  return (
    <Table size="small" aria-label={`Burn rates of ${props.title}`}>
      <TableHead>
        <TableRow>
          <TableCell component="th">Window</TableCell>
          {windows.map(window => (
            <TableCell key={window} align="right">
              {window}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        <TableRow>
          <TableCell component="th" scope="row">
            Burn rate
          </TableCell>
          {windows.map(window => (
            <TableCell key={window} align="right">
              {formatBurnRate(props.burnRates[window])}
            </TableCell>
          ))}
        </TableRow>
      </TableBody>
    </Table>
  );
}
