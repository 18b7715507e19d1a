import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { CodeSnippet } from '@backstage/core-components';
import { ANNOTATION_OTEL_SERVICE_NAME } from '@internal/plugin-service-model-common';
import { windowWords } from '../../format';

/** No server span of the service in the window: what that means and how spans get here. */
export function NoTraffic(props: { serviceName: string; window: string }) {
  const { serviceName } = props;
  return (
    <Alert severity="info" data-testid="telemetry-no-traffic">
      <AlertTitle>
        No requests from service.name "{serviceName}" in{' '}
        {windowWords(props.window)}
      </AlertTitle>
      <Typography variant="body2" component="p">
        Either the service had no traffic, or its spans do not reach the portal.
        A service sends them with any OpenTelemetry SDK or Collector over
        OTLP/HTTP:
      </Typography>
      <CodeSnippet
        language="bash"
        text={`OTEL_SERVICE_NAME=${serviceName}\nOTEL_EXPORTER_OTLP_ENDPOINT=<portal>/api/telemetry\nOTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer <machine token>`}
      />
      <Typography variant="body2" component="p">
        If its spans carry another service.name, set{' '}
        <code>{ANNOTATION_OTEL_SERVICE_NAME}</code> in its catalog-info.yaml.
      </Typography>
    </Alert>
  );
}
