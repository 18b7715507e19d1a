import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { SloAlert } from '@internal/plugin-telemetry-common';
import { ALERT_WORDS } from '../../slo';

const SEVERITY = { page: 'error', ticket: 'warning' } as const;

/**
 * The multi-window, multi-burn-rate alert state in words: what it asks of the team and why
 * (which windows crossed which rate, as the backend says it). A quiet objective gets one line.
 */
export function AlertState(props: { alert: SloAlert; reason?: string }) {
  const { alert, reason } = props;
  const words = ALERT_WORDS[alert];
  if (alert === 'none') {
    return (
      <Typography
        variant="body2"
        data-testid="telemetry-slo-alert"
        data-alert="none"
      >
        <strong>{words.label}.</strong> {words.meaning}
        {reason && <> Why: {reason}.</>}
      </Typography>
    );
  }
  return (
    <Alert
      severity={SEVERITY[alert]}
      data-testid="telemetry-slo-alert"
      data-alert={alert}
    >
      <AlertTitle>{words.label}</AlertTitle>
      {words.meaning}
      {reason && <div>Why: {reason}.</div>}
    </Alert>
  );
}
