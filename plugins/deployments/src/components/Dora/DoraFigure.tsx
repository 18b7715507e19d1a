import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { DoraReport } from '@internal/plugin-deployments-common';
import { useId } from 'react';
import { DoraMetric, trendWords } from '../../dora';
import { BandChip } from './BandChip';

/** One DORA figure: its value, its band, and how it moved since the previous window. */
export function DoraFigure(props: {
  metric: DoraMetric;
  report: DoraReport;
  headingLevel: 'h3' | 'h4' | 'h5';
  compact?: boolean;
}) {
  const { metric, report, headingLevel, compact } = props;
  const headingId = useId();
  const value = metric.value(report);
  const trend = trendWords(metric, report, report.previous, report.window);
  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby={headingId}
      data-testid={`dora-figure-${metric.key}`}
    >
      <Box p={compact ? 1 : 2}>
        <Typography variant="subtitle2" component={headingLevel} id={headingId}>
          {metric.label}
        </Typography>
        <Box
          display="flex"
          alignItems="center"
          flexWrap="wrap"
          style={{ gap: 8 }}
        >
          <Typography
            variant={compact ? 'h6' : 'h5'}
            component="p"
            data-testid="dora-value"
          >
            {metric.format(value)}
          </Typography>
          <BandChip band={report.bands[metric.key]} />
        </Box>
        <Typography variant="body2" data-testid="dora-trend">
          {trend.arrow && <span aria-hidden="true">{trend.arrow} </span>}
          {trend.text}
          {trend.verdict && ` · ${trend.verdict}`}
        </Typography>
        {!compact && (
          <Typography variant="caption" color="textSecondary" component="p">
            {metric.definition}
          </Typography>
        )}
      </Box>
    </Paper>
  );
}
