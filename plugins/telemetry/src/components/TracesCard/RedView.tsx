import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { RedReport } from '@internal/plugin-telemetry-common';
import {
  formatCount,
  formatMs,
  formatPerMinute,
  formatRatio,
  windowWords,
} from '../../format';
import { LineChart } from '../charts';
import { Figures } from '../shared';
import { OperationsTable } from './OperationsTable';

const useStyles = makeStyles(theme => ({
  charts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(14em, 1fr))',
    gap: theme.spacing(2),
    margin: theme.spacing(1, 0, 2),
  },
}));

const SOURCE_WORDS: Record<RedReport['source'], string> = {
  embedded: "the portal's own trace aggregates",
  prometheus: 'Prometheus',
};

/** Rate, errors and duration over the window: the figures, each over time, and per operation. */
export function RedView(props: { report: RedReport; now?: Date }) {
  const { report, now } = props;
  const classes = useStyles();
  const windowMs = Date.parse(report.to) - Date.parse(report.from);
  return (
    <div data-testid="telemetry-red">
      <Typography variant="body2" color="textSecondary">
        Server spans of service.name "{report.serviceName}" in{' '}
        {windowWords(report.window)}, from {SOURCE_WORDS[report.source]}.
      </Typography>
      <Figures
        items={[
          {
            label: 'Requests',
            value: `${formatCount(report.requests)} (${formatPerMinute(
              report.requests,
              windowMs,
            )})`,
            testId: 'telemetry-red-requests',
          },
          {
            label: 'Errors',
            value: `${formatCount(report.errors)} (${formatRatio(
              report.errorRate,
            )})`,
            testId: 'telemetry-red-errors',
          },
          {
            label: 'Latency p50 / p95 / p99',
            value: [
              report.latencyMs.p50,
              report.latencyMs.p95,
              report.latencyMs.p99,
            ]
              .map(formatMs)
              .join(' / '),
            testId: 'telemetry-red-latency',
          },
        ]}
      />
      <div className={classes.charts}>
        <LineChart
          title="Requests per step"
          points={report.series.map(p => ({ at: p.at, value: p.requests }))}
          format={formatCount}
          include={[0]}
          now={now}
        />
        <LineChart
          title="Error rate"
          points={report.series.map(p => ({ at: p.at, value: p.errorRate }))}
          format={formatRatio}
          include={[0]}
          now={now}
        />
        <LineChart
          title="Latency p95"
          points={report.series.map(p => ({
            at: p.at,
            value: p.latencyMs.p95,
          }))}
          format={formatMs}
          include={[0]}
          now={now}
        />
      </div>
      {report.operations.length > 0 && (
        <OperationsTable operations={report.operations} />
      )}
    </div>
  );
}
