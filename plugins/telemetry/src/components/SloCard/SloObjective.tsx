import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useId } from 'react';
import { SloStatus } from '@internal/plugin-telemetry-common';
import { formatRatio } from '../../format';
import {
  attainmentWords,
  budgetWords,
  isExhausted,
  sloTitle,
  windowDescription,
} from '../../slo';
import { LineChart } from '../charts';
import { AlertState } from './AlertState';
import { BurnRateTable } from './BurnRateTable';
import { Figures } from '../shared';

const KIND_WORDS: Record<SloStatus['kind'], string> = {
  availability: 'Availability',
  latency: 'Latency',
  ratio: 'Ratio',
  threshold: 'Threshold',
};

const SOURCE_WORDS: Record<SloStatus['source'], string> = {
  embedded: "the portal's own trace aggregates",
  prometheus: 'Prometheus',
};

const useStyles = makeStyles(theme => ({
  section: {
    paddingBottom: theme.spacing(2),
    marginBottom: theme.spacing(2),
    borderBottom: `1px solid ${theme.palette.divider}`,
    '&:last-of-type': { borderBottom: 'none', marginBottom: 0 },
  },
  exhausted: { color: theme.palette.error.main, fontWeight: 'bold' },
}));

/**
 * One objective: its alert state and why, target, attainment, budget left, burn rates per
 * window, and the budget over time.
 */
export function SloObjective(props: { status: SloStatus; now?: Date }) {
  const { status, now } = props;
  const classes = useStyles();
  const headingId = useId();
  const title = sloTitle(status);
  const exhausted = isExhausted(status.errorBudgetRemaining);
  return (
    <section
      aria-labelledby={headingId}
      className={classes.section}
      data-testid="telemetry-slo"
      data-slo={status.name}
      data-alert={status.alert}
      data-budget-exhausted={exhausted}
    >
      <Typography variant="h6" component="h3" id={headingId}>
        {title}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {KIND_WORDS[status.kind]} · {windowDescription(status.window, now)} ·
        measured from {SOURCE_WORDS[status.source]}
      </Typography>
      <AlertState alert={status.alert} reason={status.alertReason} />
      <Figures
        items={[
          {
            label: 'Target',
            value: formatRatio(status.target),
            testId: 'telemetry-slo-target',
          },
          {
            label: 'Attainment',
            value: attainmentWords(status),
            testId: 'telemetry-slo-attainment',
          },
          {
            label: 'Error budget',
            value: (
              <span className={exhausted ? classes.exhausted : undefined}>
                {budgetWords(status.errorBudgetRemaining)}
              </span>
            ),
            testId: 'telemetry-slo-budget',
          },
        ]}
      />
      <BurnRateTable title={title} burnRates={status.burnRates} />
      <LineChart
        title="Error budget left over time"
        points={status.budgetSeries.map(p => ({
          at: p.at,
          value: p.errorBudgetRemaining,
        }))}
        format={formatRatio}
        include={[0, 1]}
        reference={{ value: 0, label: 'Budget spent' }}
        now={now}
        testId="telemetry-slo-budget-chart"
      />
    </section>
  );
}
