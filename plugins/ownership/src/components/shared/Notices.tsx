import Button from '@material-ui/core/Button';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { describeError } from './describeError';

/** A load in progress, in words, so a card is never blank or silent for screen readers. */
export function Loading(props: { what: string }) {
  return (
    <div role="status">
      <Typography variant="body2" color="textSecondary">
        Loading {props.what}…
      </Typography>
      <LinearProgress aria-label={`Loading ${props.what}`} />
    </div>
  );
}

/** A failed load in words: what, the backend's message, what to check, and a retry. */
export function ErrorNotice(props: {
  what: string;
  error: Error;
  onRetry?: () => void;
}) {
  const { message, hint } = describeError(props.error);
  return (
    <Alert
      severity="error"
      action={
        props.onRetry && (
          <Button color="inherit" size="small" onClick={props.onRetry}>
            Retry
          </Button>
        )
      }
    >
      <AlertTitle>Could not load {props.what}</AlertTitle>
      {message}
      {hint && <div>{hint}</div>}
    </Alert>
  );
}
