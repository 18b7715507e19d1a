import { makeStyles } from '@material-ui/core/styles';
import { DayCount, describeTrend, sparklinePath } from './sparkline';

const WIDTH = 160;
const HEIGHT = 32;

const useStyles = makeStyles(theme => ({
  svg: {
    borderBottom: `1px solid ${theme.palette.divider}`,
    overflow: 'visible',
  },
  line: { stroke: theme.palette.primary.main },
}));

/** Daily counts as a small line in plain SVG; its accessible name says the trend in words. */
export function Sparkline(props: {
  title: string;
  points: readonly DayCount[];
  height?: number;
  width?: number;
}) {
  const classes = useStyles();
  const width = props.width ?? WIDTH;
  const height = props.height ?? HEIGHT;
  return (
    <svg
      className={classes.svg}
      role="img"
      aria-label={`${props.title}: ${describeTrend(props.points)}`}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      preserveAspectRatio="none"
    >
      <path
        d={sparklinePath(props.points, width, height)}
        className={classes.line}
        fill="none"
        strokeWidth={2}
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  );
}
