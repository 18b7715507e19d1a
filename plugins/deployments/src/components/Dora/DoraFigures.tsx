import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import { DoraReport } from '@internal/plugin-deployments-common';
import {
  DORA_METRICS,
  countsSentence,
  hasNoData,
  previousWindowLabel,
  windowLabel,
} from '../../dora';
import { DoraFigure } from './DoraFigure';

/** The four DORA figures with bands and trends, then the counts behind them. */
export function DoraFigures(props: {
  report: DoraReport;
  headingLevel: 'h3' | 'h4' | 'h5';
  compact?: boolean;
}) {
  const { report, headingLevel, compact } = props;
  const { services, owner } = report.scope;

  if (owner && services.length === 0) {
    return (
      <Typography variant="body2" data-testid="dora-no-data">
        This team owns no services in the catalog, so there is nothing to
        measure. DORA figures cover the components a group is the owner of.
      </Typography>
    );
  }

  if (hasNoData(report, report.previous)) {
    return (
      <Typography variant="body2" data-testid="dora-no-data">
        No production deployments or incidents recorded in{' '}
        {windowLabel(report.window)} or {previousWindowLabel(report.window)}.
        The figures come from rollouts the Kubernetes watch records and from the
        deployment and incident events CD and incident tools post to{' '}
        <code>POST /api/deployments/v1/events</code>.
      </Typography>
    );
  }

  return (
    <div data-testid="dora-figures">
      {compact ? (
        DORA_METRICS.map(metric => (
          <DoraFigure
            key={metric.key}
            metric={metric}
            report={report}
            headingLevel={headingLevel}
            compact
          />
        ))
      ) : (
        <Grid container spacing={2}>
          {DORA_METRICS.map(metric => (
            <Grid item key={metric.key} xs={12} sm={6} lg={3}>
              <DoraFigure
                metric={metric}
                report={report}
                headingLevel={headingLevel}
              />
            </Grid>
          ))}
        </Grid>
      )}
      <Box mt={2}>
        <Typography variant="body2" data-testid="dora-counts">
          Production, {windowLabel(report.window)}: {countsSentence(report)}. In{' '}
          {previousWindowLabel(report.window)}:{' '}
          {countsSentence(report.previous)}.
        </Typography>
        {owner && (
          <Typography variant="body2" component="div">
            Over the {services.length}{' '}
            {services.length === 1 ? 'service' : 'services'} this team owns
            {services.length > 0 && ': '}
            <EntityRefLinks entityRefs={services} defaultKind="component" />
          </Typography>
        )}
      </Box>
    </div>
  );
}
