import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';

/** A load in progress, in words, so a card is never blank or silent for screen readers. */
export function Loading(props: {
  /** e.g. "the deployment status". */
  what: string;
}) {
  return (
    <div role="status">
      <Typography variant="body2" color="textSecondary">
        Loading {props.what}…
      </Typography>
      <LinearProgress aria-label={`Loading ${props.what}`} />
    </div>
  );
}
