import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { CodeSnippet } from '@backstage/core-components';
import { ANNOTATION_SLO_FILE } from '@internal/plugin-service-model-common';

/** Where SLO files are described in full (the repository's docs). */
export const TELEMETRY_DOCS = 'docs/telemetry.md';

/** A first OpenSLO v1 objective for a service: 99.9 % of requests without a 5xx over 28 days. */
export function exampleSloFile(serviceName: string): string {
  return `apiVersion: openslo/v1
kind: SLO
metadata:
  name: ${serviceName}-availability
  displayName: ${serviceName} availability
spec:
  service: ${serviceName}
  budgetingMethod: Occurrences
  indicator:
    metadata:
      name: ${serviceName}-non-5xx-ratio
    spec:
      ratioMetric:
        counter: true
        good:
          metricSource:
            type: OpenTelemetry
            spec:
              metric: http.server.request.duration
              aggregation: count
              filter: 'service.name="${serviceName}" AND http.response.status_code < 500'
        total:
          metricSource:
            type: OpenTelemetry
            spec:
              metric: http.server.request.duration
              aggregation: count
              filter: 'service.name="${serviceName}"'
  timeWindow:
    - duration: 28d
      isRolling: true
  objectives:
    - displayName: non-5xx requests
      target: 0.999`;
}

/** The entity names no SLO file: how to add one. */
export function NoSloFile(props: { serviceName: string }) {
  return (
    <Alert severity="info" data-testid="telemetry-slo-no-file">
      <AlertTitle>This service has no service level objectives yet</AlertTitle>
      <Typography variant="body2" component="p">
        Add the <code>{ANNOTATION_SLO_FILE}</code> annotation to its
        catalog-info.yaml, naming an OpenSLO v1 file in the same repository:
      </Typography>
      <CodeSnippet
        language="yaml"
        text={`metadata:\n  annotations:\n    ${ANNOTATION_SLO_FILE}: slo.yaml`}
      />
      <Typography variant="body2" component="p">
        and put its objectives in that file, for example 99.9% of requests
        without a server error over 28 days:
      </Typography>
      <CodeSnippet language="yaml" text={exampleSloFile(props.serviceName)} />
      <Typography variant="body2" component="p">
        Services created from Strata's templates have one already. The file is
        checked like catalog files (the validator CLI and endpoint report
        problems at file:line); latency objectives, calendar windows and the
        filters Strata understands are in <code>{TELEMETRY_DOCS}</code>.
      </Typography>
    </Alert>
  );
}
