import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import { CodeSnippet } from '@backstage/core-components';
import {
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBERNETES_LABEL_SELECTOR,
} from '@internal/plugin-service-model-common';

/** Where the setup is described in full (the repository's docs; the portal has no URL for them). */
export const DEPLOYMENTS_DOCS = 'docs/deployments.md';

const CLUSTER_CONFIG = `kubernetes:
  clusterLocatorMethods:
    - type: config
      clusters:
        - name: production
          url: https://kubernetes.example.com:6443
          authProvider: serviceAccount
          serviceAccountToken: \${K8S_PRODUCTION_TOKEN}
          caData: \${K8S_PRODUCTION_CA}`;

/** No cluster is configured at all: how to connect one. */
export function NotConfigured() {
  return (
    <Alert severity="info" data-testid="deployments-not-configured">
      <AlertTitle>No Kubernetes cluster is connected to the portal</AlertTitle>
      <Typography variant="body2" component="p">
        The portal shows what runs where once it can watch your clusters. Add
        each cluster under <code>kubernetes.clusterLocatorMethods</code> in the
        portal's app-config (a service-account token that may get, list and
        watch deployments, replicasets, pods, horizontalpodautoscalers and
        events, or a kubeconfig), then restart the portal:
      </Typography>
      <CodeSnippet language="yaml" text={CLUSTER_CONFIG} />
      <Typography variant="body2" component="p">
        The steps, the permissions and the environment names are in{' '}
        <code>{DEPLOYMENTS_DOCS}</code>, section “Connecting a cluster”, and in
        the deployments plugin's README.
      </Typography>
    </Alert>
  );
}

/** The entity does not say which workloads are its own: how to annotate it. */
export function NotAnnotated(props: { name: string }) {
  const annotation = `metadata:
  annotations:
    ${ANNOTATION_KUBERNETES_ID}: ${props.name}`;
  return (
    <Alert severity="info" data-testid="deployments-not-annotated">
      <AlertTitle>
        This service does not say which Kubernetes workloads are its own
      </AlertTitle>
      <Typography variant="body2" component="p">
        Add the <code>{ANNOTATION_KUBERNETES_ID}</code> annotation to its
        catalog-info.yaml, and the label of the same name and value to its
        Deployments and their pod templates:
      </Typography>
      <CodeSnippet language="yaml" text={annotation} />
      <Typography variant="body2" component="p">
        Workloads labelled differently can be found with a label selector
        instead:{' '}
        <code>
          {ANNOTATION_KUBERNETES_LABEL_SELECTOR}: app={props.name}
        </code>
        . Details in <code>{DEPLOYMENTS_DOCS}</code>.
      </Typography>
    </Alert>
  );
}
