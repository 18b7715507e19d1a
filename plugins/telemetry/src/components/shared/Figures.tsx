import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { ReactNode } from 'react';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(10em, 1fr))',
    gap: theme.spacing(1, 2),
    margin: theme.spacing(1, 0),
  },
  term: { margin: 0 },
  value: { margin: 0 },
}));

/** Labelled figures side by side, as a definition list (label → value) for assistive technology. */
export function Figures(props: {
  items: Array<{ label: string; value: ReactNode; testId?: string }>;
}) {
  const classes = useStyles();
  return (
    <dl className={classes.list}>
      {props.items.map(item => (
        <div key={item.label} data-testid={item.testId}>
          <Typography
            component="dt"
            variant="caption"
            color="textSecondary"
            className={classes.term}
          >
            {item.label}
          </Typography>
          <Typography component="dd" variant="body1" className={classes.value}>
            {item.value}
          </Typography>
        </div>
      ))}
    </dl>
  );
}
