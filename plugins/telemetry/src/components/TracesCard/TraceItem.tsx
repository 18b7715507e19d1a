import Accordion from '@material-ui/core/Accordion';
import AccordionDetails from '@material-ui/core/AccordionDetails';
import AccordionSummary from '@material-ui/core/AccordionSummary';
import Typography from '@material-ui/core/Typography';
import ExpandMoreIcon from '@material-ui/icons/ExpandMore';
import { Link } from '@backstage/core-components';
import { SampledTrace } from '@internal/plugin-telemetry-common';
import { formatMoment, formatMs } from '../../format';
import { spanCount } from '../../traces';
import { SpanTree } from './SpanTree';

/**
 * One sampled trace, folded: its root operation, duration, start and span count; unfolded, its
 * span tree and a link to the organisation's trace UI when one is configured.
 */
export function TraceItem(props: { trace: SampledTrace; now?: Date }) {
  const { trace, now } = props;
  const summary = `${trace.rootName} — ${formatMs(
    trace.durationMs,
  )}, ${formatMoment(trace.startTime, now)}`;
  return (
    <Accordion
      TransitionProps={{ unmountOnExit: true }}
      data-testid="telemetry-trace"
      data-trace-id={trace.traceId}
      data-reason={trace.reason}
    >
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Typography variant="body2">
          <strong>{summary}</strong>{' '}
          <Typography component="span" variant="caption" color="textSecondary">
            {spanCount(trace.root)} spans · trace {trace.traceId.slice(0, 8)}
          </Typography>
        </Typography>
      </AccordionSummary>
      <AccordionDetails style={{ display: 'block' }}>
        {trace.url ? (
          <Typography variant="body2" paragraph>
            <Link to={trace.url} target="_blank" rel="noopener noreferrer">
              Open trace {trace.traceId} in the trace UI
            </Link>
          </Typography>
        ) : (
          <Typography variant="caption" color="textSecondary" paragraph>
            Trace {trace.traceId}. Set <code>telemetry.traceUrlTemplate</code>{' '}
            to link traces to Jaeger or Tempo.
          </Typography>
        )}
        <SpanTree root={trace.root} label={`Spans of ${trace.rootName}`} />
      </AccordionDetails>
    </Accordion>
  );
}
