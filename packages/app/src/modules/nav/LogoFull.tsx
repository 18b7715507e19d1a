import { makeStyles } from '@material-ui/core';
import { StrataMark } from './LogoIcon';

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', gap: 10, height: 30 },
  mark: { height: 30, width: 'auto' },
  word: {
    color: '#ffffff',
    fontSize: 24,
    fontWeight: 700,
    letterSpacing: 0.5,
  },
});

export const LogoFull = () => {
  const classes = useStyles();
  return (
    <div className={classes.root}>
      <StrataMark className={classes.mark} />
      <span className={classes.word}>Strata</span>
    </div>
  );
};
