import Typography from '@material-ui/core/Typography';
import { useApi } from '@backstage/frontend-plugin-api';
import { SampledTrace } from '@internal/plugin-telemetry-common';
import { useId } from 'react';
import { useAsyncRetry, useInterval } from 'react-use';
import { telemetryApiRef } from '../../api';
import { ErrorNotice, Loading } from '../shared';
import { TraceItem } from './TraceItem';

const REFRESH_MS = 60_000;

function TraceGroup(props: {
  title: string;
  empty: string;
  traces: SampledTrace[];
  testId: string;
  now: Date;
}) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} data-testid={props.testId}>
      <Typography variant="subtitle1" component="h3" id={headingId}>
        {props.title}
      </Typography>
      {props.traces.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          {props.empty}
        </Typography>
      ) : (
        props.traces.map(trace => (
          <TraceItem key={trace.traceId} trace={trace} now={props.now} />
        ))
      )}
    </section>
  );
}

/** The service's sampled recent failing and slowest traces, each expandable into its span tree. */
export function TraceSamples(props: { serviceName: string }) {
  const api = useApi(telemetryApiRef);
  const { value, error, loading, retry } = useAsyncRetry(
    () => api.getTraceSamples(props.serviceName),
    [api, props.serviceName],
  );
  useInterval(retry, REFRESH_MS);

  if (!value) {
    if (error) {
      return (
        <ErrorNotice what="the sampled traces" error={error} onRetry={retry} />
      );
    }
    return loading ? <Loading what="the sampled traces" /> : null;
  }
  const now = new Date();
  return (
    <>
      {error && (
        <ErrorNotice
          what="fresh sampled traces"
          error={error}
          onRetry={retry}
        />
      )}
      <TraceGroup
        title="Recent failing traces"
        empty="No failing trace was sampled recently."
        traces={value.failing}
        testId="telemetry-failing-traces"
        now={now}
      />
      <TraceGroup
        title="Slowest recent traces"
        empty="No trace was sampled recently."
        traces={value.slowest}
        testId="telemetry-slowest-traces"
        now={now}
      />
    </>
  );
}
