import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { describeError } from './describeError';

/**
 * A failed load, said in words: what could not be loaded, the backend's message, what to
 * check, and a retry. Never a blank card.
 */
export function ErrorNotice(props: {
  /** e.g. "the deployment status". */
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
