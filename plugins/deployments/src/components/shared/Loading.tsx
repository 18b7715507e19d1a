import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';

/** A load in progress, with words so the card is never blank or silent for screen readers. */
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
