import Box from '@material-ui/core/Box';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { DoraReport } from '@internal/plugin-deployments-common';
import { useId } from 'react';
import { DoraMetric, trendWords } from '../../dora';
import { BandChip } from './BandChip';

function Trend(props: { metric: DoraMetric; report: DoraReport }) {
  const { metric, report } = props;
  const trend = trendWords(metric, report, report.previous, report.window);
  return (
    <Typography variant="body2" data-testid="dora-trend">
      {trend.arrow && <span aria-hidden="true">{trend.arrow} </span>}
      {trend.text}
      {trend.verdict && ` · ${trend.verdict}`}
    </Typography>
  );
}

/**
 * One DORA figure: its value, its band, and how it moved since the previous window. Compact
 * (a service's side card): one row per figure; otherwise a tile with the definition.
 */
export function DoraFigure(props: {
  metric: DoraMetric;
  report: DoraReport;
  headingLevel: 'h3' | 'h4' | 'h5';
  compact?: boolean;
}) {
  const { metric, report, headingLevel, compact } = props;
  const headingId = useId();
  const value = (
    <Typography
      variant={compact ? 'body1' : 'h5'}
      component="p"
      data-testid="dora-value"
      style={compact ? { fontWeight: 600 } : undefined}
    >
      {metric.format(metric.value(report))}
    </Typography>
  );
  const heading = (
    <Typography variant="subtitle2" component={headingLevel} id={headingId}>
      {metric.label}
    </Typography>
  );

  if (compact) {
    return (
      <Box
        component="section"
        aria-labelledby={headingId}
        data-testid={`dora-figure-${metric.key}`}
        py={1}
        borderBottom={1}
        borderColor="divider"
      >
        <Box display="flex" alignItems="center" justifyContent="space-between">
          {heading}
          <BandChip band={report.bands[metric.key]} />
        </Box>
        {value}
        <Trend metric={metric} report={report} />
      </Box>
    );
  }

  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby={headingId}
      data-testid={`dora-figure-${metric.key}`}
      style={{ height: '100%' }}
    >
      <Box p={2}>
        {heading}
        <Box
          display="flex"
          alignItems="center"
          flexWrap="wrap"
          style={{ gap: 8 }}
        >
          {value}
          <BandChip band={report.bands[metric.key]} />
        </Box>
        <Trend metric={metric} report={report} />
        <Typography variant="caption" color="textSecondary" component="p">
          {metric.definition}
        </Typography>
      </Box>
    </Paper>
  );
}
