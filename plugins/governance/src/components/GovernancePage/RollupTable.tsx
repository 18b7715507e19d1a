import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Button from '@material-ui/core/Button';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import { LevelItem, RollupItem } from '../../api';
import { percent } from './format';

/**
 * Rollups as a table: per team (or system) how many of its entities reached each level, the
 * share of checks passed and the open findings. A team's name drills down to its services.
 */
export function RollupTable(props: {
  items: RollupItem[];
  levels: LevelItem[];
  /** "Team" or "System". */
  label: string;
  selected?: string;
  onSelect?: (key: string) => void;
}) {
  const { items, levels } = props;
  // Highest level first, as a reader scans for the best and the worst.
  const columns = [...levels].reverse();
  return (
    <Table size="small" aria-label={`Levels by ${props.label.toLowerCase()}`}>
      <TableHead>
        <TableRow>
          <TableCell>{props.label}</TableCell>
          <TableCell align="right">Entities</TableCell>
          {columns.map(level => (
            <TableCell key={level.id} align="right">
              {level.title}
            </TableCell>
          ))}
          <TableCell align="right">No level</TableCell>
          <TableCell align="right">Checks passed</TableCell>
          <TableCell align="right">Open findings</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map(item => (
          <TableRow
            key={item.key}
            selected={item.key === props.selected}
            data-testid="governance-rollup-row"
            data-key={item.key}
          >
            <TableCell>
              {props.onSelect ? (
                <Button
                  size="small"
                  color="primary"
                  onClick={() => props.onSelect!(item.key)}
                  aria-pressed={item.key === props.selected}
                  style={{ textTransform: 'none' }}
                >
                  {item.key.replace(/^[a-z]+:default\//, '')}
                </Button>
              ) : (
                <EntityRefLink entityRef={item.key} />
              )}
            </TableCell>
            <TableCell align="right">{item.entities}</TableCell>
            {columns.map(level => (
              <TableCell key={level.id} align="right">
                {item.levels[level.id] ?? 0}
              </TableCell>
            ))}
            <TableCell align="right">{item.levels.none ?? 0}</TableCell>
            <TableCell align="right">
              {percent(item.passRate)} ({item.checksPassed}/{item.checksTotal})
            </TableCell>
            <TableCell align="right">{item.openFindings}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
