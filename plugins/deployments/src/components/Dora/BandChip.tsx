import Chip from '@material-ui/core/Chip';
import { makeStyles } from '@material-ui/core/styles';
import { DoraBand } from '@internal/plugin-deployments-common';
import { BAND_LABELS } from '../../dora';

const useStyles = makeStyles(theme => ({
  elite: {
    backgroundColor: theme.palette.success.dark,
    color: theme.palette.success.contrastText,
  },
  high: { backgroundColor: theme.palette.success.light },
  medium: { backgroundColor: theme.palette.warning.light },
  low: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  none: {},
}));

/** The DORA performance band of one figure, in words ("Elite"); "No band" without data. */
export function BandChip(props: { band: DoraBand | null }) {
  const classes = useStyles();
  const { band } = props;
  return (
    <Chip
      size="small"
      data-testid="dora-band"
      label={band ? `${BAND_LABELS[band]}` : 'No band'}
      className={classes[band ?? 'none']}
    />
  );
}
