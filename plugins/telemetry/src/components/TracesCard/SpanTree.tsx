import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { SampledSpan } from '@internal/plugin-telemetry-common';
import { formatMs } from '../../format';
import { keyAttributes, spanRows } from '../../traces';

const STATUS_WORDS: Record<SampledSpan['status'], string> = {
  error: 'Error',
  ok: 'OK',
  unset: '',
};

const useStyles = makeStyles(theme => ({
  tree: { listStyle: 'none', margin: 0, padding: 0 },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(12em, 2fr) minmax(8em, 3fr) 5em',
    gap: theme.spacing(1),
    alignItems: 'center',
    padding: theme.spacing(0.5, 0),
    borderTop: `1px solid ${theme.palette.divider}`,
  },
  label: { overflowWrap: 'anywhere' },
  service: { color: theme.palette.text.secondary },
  track: {
    position: 'relative',
    height: 10,
    background: theme.palette.action.hover,
  },
  bar: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    background: theme.palette.primary.main,
  },
  errorBar: { background: theme.palette.error.main },
  error: { color: theme.palette.error.main, fontWeight: 'bold' },
  attributes: { gridColumn: '1 / -1', color: theme.palette.text.secondary },
}));

/**
 * A trace's spans as an indented tree: service and span name, a bar on the trace's timeline,
 * the duration, the status (errors in red with their message) and the attributes that explain
 * the span.
 */
export function SpanTree(props: { root: SampledSpan; label: string }) {
  const classes = useStyles();
  return (
    <ul className={classes.tree} aria-label={props.label}>
      {spanRows(props.root).map(row => {
        const { span } = row;
        const failed = span.status === 'error';
        const attributes = keyAttributes(span);
        return (
          <li
            key={span.spanId}
            className={classes.row}
            data-testid="telemetry-span"
            data-span-status={span.status}
            aria-level={row.depth + 1}
          >
            <Typography
              variant="body2"
              component="div"
              className={classes.label}
              style={{ paddingLeft: `${row.depth * 1.25}em` }}
            >
              <span className={classes.service}>{span.serviceName}</span>{' '}
              {span.name}{' '}
              <Typography
                variant="caption"
                component="span"
                color="textSecondary"
              >
                ({span.kind})
              </Typography>
              {failed && (
                <span className={classes.error}>
                  {' '}
                  {STATUS_WORDS.error}
                  {span.statusMessage ? `: ${span.statusMessage}` : ''}
                </span>
              )}
            </Typography>
            <div
              className={classes.track}
              role="presentation"
              title={`starts at ${
                row.offsetPercent
              }% of the trace, lasts ${formatMs(span.durationMs)}`}
            >
              <div
                className={`${classes.bar} ${failed ? classes.errorBar : ''}`}
                style={{
                  left: `${row.offsetPercent}%`,
                  width: `${row.widthPercent}%`,
                }}
              />
            </div>
            <Typography variant="body2" component="div" align="right">
              {formatMs(span.durationMs)}
            </Typography>
            {attributes.length > 0 && (
              <Typography
                variant="caption"
                component="div"
                className={classes.attributes}
                style={{ paddingLeft: `${row.depth * 1.25}em` }}
              >
                {attributes.map(([name, value]) => (
                  <span key={name}>
                    <code>
                      {name}={value}
                    </code>{' '}
                  </span>
                ))}
              </Typography>
            )}
          </li>
        );
      })}
    </ul>
  );
}
