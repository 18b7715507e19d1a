import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { Rollout } from '@internal/plugin-deployments-common';
import { outcomeLabel } from './words';

const useStyles = makeStyles(theme => ({
  Succeeded: { backgroundColor: theme.palette.success.light },
  Failed: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  'Rolled back': { backgroundColor: theme.palette.warning.light },
  'In progress': { backgroundColor: theme.palette.info.light },
}));

/** The outcome in words, coloured (the word carries the meaning, the colour only helps). */
export function OutcomeChip(props: { rollout: Rollout }) {
  const classes = useStyles();
  const label = outcomeLabel(props.rollout);
  return <Chip size="small" label={label} className={classes[label]} />;
}
