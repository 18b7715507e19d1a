import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: { width: 'auto', height: 28 },
});

/** Three stacked strata: the catalog, the runtime, the governance layer. */
export const StrataMark = ({ className }: { className?: string }) => (
  <svg
    className={className}
    xmlns="http://www.w3.org/2000/svg"
    viewBox="0 0 32 32"
    role="img"
    aria-label="Strata"
  >
    <rect x="2" y="4" width="28" height="6" rx="3" fill="#7df3e1" />
    <rect x="5" y="13" width="22" height="6" rx="3" fill="#4fc3b4" />
    <rect x="8" y="22" width="16" height="6" rx="3" fill="#2a9d8f" />
  </svg>
);

export const LogoIcon = () => {
  const classes = useStyles();
  return <StrataMark className={classes.svg} />;
};
