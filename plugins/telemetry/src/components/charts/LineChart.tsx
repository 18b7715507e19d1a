import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { formatMoment } from '../../format';
import { ChartPoint, chartGeometry, describeSeries } from './geometry';

const WIDTH = 300;

const useStyles = makeStyles(theme => ({
  figure: { margin: 0, minWidth: 0 },
  plot: { display: 'flex', gap: theme.spacing(0.5), alignItems: 'stretch' },
  yAxis: {
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'space-between',
    textAlign: 'right',
    minWidth: '3.5em',
  },
  svg: {
    flex: 1,
    minWidth: 0,
    borderLeft: `1px solid ${theme.palette.divider}`,
    borderBottom: `1px solid ${theme.palette.divider}`,
  },
  xAxis: {
    display: 'flex',
    justifyContent: 'space-between',
    marginLeft: '4em',
  },
  line: { stroke: theme.palette.primary.main },
  dot: { fill: theme.palette.primary.main },
  reference: { stroke: theme.palette.error.main },
}));

/**
 * A small line chart over time in plain SVG (no charting library in the app's tree): the
 * series, a dashed reference line (e.g. "budget spent" at 0), the value range at the left
 * and the time range below. Gaps where there was no data. Its accessible name says the
 * latest, lowest and highest values in words.
 */
export function LineChart(props: {
  title: string;
  points: readonly ChartPoint[];
  format: (value: number) => string;
  /** Values always on the chart, e.g. [0, 1] for a budget. */
  include?: number[];
  reference?: { value: number; label: string };
  height?: number;
  now?: Date;
  testId?: string;
}) {
  const classes = useStyles();
  const height = props.height ?? 80;
  const { points, format } = props;
  const geometry = chartGeometry(points, {
    width: WIDTH,
    height,
    include: [
      ...(props.include ?? []),
      ...(props.reference ? [props.reference.value] : []),
    ],
  });
  const summary = describeSeries(points, format);
  const first = points[0]?.at;
  const last = points[points.length - 1]?.at;
  return (
    <figure className={classes.figure} data-testid={props.testId}>
      <Typography component="figcaption" variant="body2">
        {props.title}
      </Typography>
      <div className={classes.plot}>
        <Typography
          variant="caption"
          color="textSecondary"
          className={classes.yAxis}
          component="div"
          aria-hidden
        >
          <span>{format(geometry.yMax)}</span>
          <span>{format(geometry.yMin)}</span>
        </Typography>
        <svg
          className={classes.svg}
          role="img"
          aria-label={`${props.title}: ${summary}`}
          viewBox={`0 0 ${WIDTH} ${height}`}
          preserveAspectRatio="none"
          height={height}
        >
          {props.reference && (
            <line
              className={classes.reference}
              x1={0}
              x2={WIDTH}
              y1={geometry.yOf(props.reference.value)}
              y2={geometry.yOf(props.reference.value)}
              strokeDasharray="4 3"
              vectorEffect="non-scaling-stroke"
            >
              <title>{props.reference.label}</title>
            </line>
          )}
          {geometry.paths.map(d => (
            <path
              key={d}
              d={d}
              className={classes.line}
              fill="none"
              strokeWidth={2}
              vectorEffect="non-scaling-stroke"
            />
          ))}
          {geometry.dots.map(dot => (
            <circle
              key={`${dot.x},${dot.y}`}
              className={classes.dot}
              cx={dot.x}
              cy={dot.y}
              r={2.5}
            />
          ))}
        </svg>
      </div>
      {first && last && (
        <Typography
          variant="caption"
          color="textSecondary"
          className={classes.xAxis}
          component="div"
        >
          <span>{formatMoment(first, props.now)}</span>
          <span>{formatMoment(last, props.now)}</span>
        </Typography>
      )}
    </figure>
  );
}
