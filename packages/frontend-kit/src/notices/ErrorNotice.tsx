import Button from '@material-ui/core/Button';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { describeError, ErrorHints } from '../errors/describeError';

/** @public */
export interface ErrorNoticeProps {
  /** e.g. "the findings". */
  what: string;
  error: Error;
  onRetry?: () => void;
  /** "load" for reads (the default); mutations say what they tried ("waive the finding"). */
  verb?: string;
  /** The plugin's words for its backend's statuses (see describeError). */
  hints: ErrorHints;
}

/**
 * A failed call in words: what failed, the backend's message, what to check, and a retry.
 * Never a blank card.
 */
export function ErrorNotice(props: ErrorNoticeProps) {
  const { message, hint } = describeError(props.error, props.hints);
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
      <AlertTitle>
        Could not {props.verb ?? 'load'} {props.what}
      </AlertTitle>
      {message}
      {hint && <div>{hint}</div>}
    </Alert>
  );
}
