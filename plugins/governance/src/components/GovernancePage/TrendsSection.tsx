import { useApi } from '@backstage/frontend-plugin-api';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableRow from '@material-ui/core/TableRow';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { useId } from 'react';
import { useAsyncRetry } from 'react-use';
import { HistoryDimension, LevelItem, governanceApiRef } from '../../api';
import { Empty, ErrorNotice, Loading, levelTitle } from '../shared';
import { ruleTitle } from './FindingCard';
import { Sparkline } from './Sparkline';
import { describeTrend, sumSeries } from './sparkline';

const DAYS = 30;

const DIMENSIONS: Record<HistoryDimension, string> = {
  rule: 'Open findings per rule',
  owner: 'Open findings per team',
  level: 'Entities per level',
};

export function isDimension(value: string): value is HistoryDimension {
  return value in DIMENSIONS;
}

/**
 * Trends over the last 30 days from the daily history: the total and one line per rule, team
 * or level, each with its latest count and change.
 */
export function TrendsSection(props: {
  dimension: HistoryDimension;
  levels: LevelItem[];
  version: number;
  onDimension: (dimension: string) => void;
}) {
  const api = useApi(governanceApiRef);
  const { value, error, loading, retry } = useAsyncRetry(
    () => api.getHistory(props.dimension, DAYS),
    [api, props.dimension, props.version],
  );
  const pickerId = useId();
  const seriesTitle = (name: string) => {
    if (props.dimension === 'rule') return ruleTitle(name);
    if (props.dimension === 'level') return levelTitle(props.levels, name);
    return name;
  };

  let body;
  if (error) {
    body = <ErrorNotice what="the history" error={error} onRetry={retry} />;
  } else if (loading || !value) {
    body = <Loading what="the history" />;
  } else if (!value.series.length) {
    body = (
      <Empty testId="governance-trends-empty">
        No history yet: the backend records a snapshot of the counts each day it
        evaluates.
      </Empty>
    );
  } else {
    const total = sumSeries(value.series);
    body = (
      <>
        {props.dimension !== 'level' && (
          <Box display="flex" alignItems="center" style={{ gap: 16 }}>
            <Typography variant="body2">All open findings</Typography>
            <Sparkline
              title="All open findings"
              points={total}
              width={320}
              height={48}
            />
            <Typography variant="body2" data-testid="governance-trend-total">
              {describeTrend(total)}
            </Typography>
          </Box>
        )}
        <Table size="small" aria-label={DIMENSIONS[props.dimension]}>
          <TableBody>
            {value.series.map(series => (
              <TableRow
                key={series.name}
                data-testid="governance-trend"
                data-name={series.name}
              >
                <TableCell>{seriesTitle(series.name)}</TableCell>
                <TableCell>
                  <Sparkline
                    title={seriesTitle(series.name)}
                    points={series.points}
                  />
                </TableCell>
                <TableCell>{describeTrend(series.points)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </>
    );
  }

  return (
    <section data-testid="governance-trends">
      <Box my={1}>
        <TextField
          id={pickerId}
          select
          size="small"
          label="Trend of"
          value={props.dimension}
          onChange={event => props.onDimension(event.target.value)}
          SelectProps={{ native: true }}
          InputLabelProps={{ shrink: true }}
        >
          {Object.entries(DIMENSIONS).map(([id, title]) => (
            <option key={id} value={id}>
              {title}
            </option>
          ))}
        </TextField>
      </Box>
      {body}
    </section>
  );
}
