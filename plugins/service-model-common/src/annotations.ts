/*
 * The annotations that Strata's templates (templates/*) write and its plugins read: the
 * contract between a generated service and the portal (docs/catalog-model.md, "Annotations").
 * Write them from code with these constants, never as string literals; the template tests
 * check that every `strata.dev/*` annotation a rendered template writes is listed in
 * {@link STRATA_ANNOTATIONS}.
 */

/**
 * `strata.dev/otel-service-name`: the OpenTelemetry `service.name` the service's spans and
 * metrics carry (the deployment's `OTEL_SERVICE_NAME`). Written by the node-service and
 * go-service templates; it is how the portal finds the entity's telemetry.
 */
export const ANNOTATION_OTEL_SERVICE_NAME = 'strata.dev/otel-service-name';

/**
 * `strata.dev/slo-file`: the path, relative to the entity's catalog file, of the service's
 * OpenSLO v1 objectives. Written by the node-service and go-service templates (`slo.yaml`).
 */
export const ANNOTATION_SLO_FILE = 'strata.dev/slo-file';

/**
 * `strata.dev/extracted-from`: the entity ref of the monolith a service was extracted from
 * (strangler fig). Written by the strangler-extraction template.
 */
export const ANNOTATION_EXTRACTED_FROM = 'strata.dev/extracted-from';

/**
 * `strata.dev/extracted-path`: the monolith's HTTP path prefix that the extracted service
 * took over (e.g. `/api/v1/reports`). Written by the strangler-extraction template, with
 * {@link ANNOTATION_EXTRACTED_FROM}.
 */
export const ANNOTATION_EXTRACTED_PATH = 'strata.dev/extracted-path';

/** Every `strata.dev/*` annotation; a template may write no other. */
export const STRATA_ANNOTATIONS = [
  ANNOTATION_OTEL_SERVICE_NAME,
  ANNOTATION_SLO_FILE,
  ANNOTATION_EXTRACTED_FROM,
  ANNOTATION_EXTRACTED_PATH,
] as const;

/** A `strata.dev/*` annotation. */
export type StrataAnnotation = (typeof STRATA_ANNOTATIONS)[number];

/**
 * `backstage.io/kubernetes-id`: the value of the label of the same name on the service's
 * Kubernetes objects; the Kubernetes plugin finds the entity's workloads by it. Backstage's
 * own constant (`KUBERNETES_ANNOTATION` in `@backstage/plugin-kubernetes-common`) lives in a
 * package this one does not depend on, hence the copy. Written by the node-service and
 * go-service templates (catalog-info.yaml and every k8s/*.yaml).
 */
export const ANNOTATION_KUBERNETES_ID = 'backstage.io/kubernetes-id';

/**
 * `github.com/project-slug`: `<owner>/<repo>` of the entity's GitHub repository. Written by
 * the templates when they publish to GitHub.
 */
export const ANNOTATION_GITHUB_PROJECT_SLUG = 'github.com/project-slug';

/**
 * `backstage.io/kubernetes-label-selector`: a Kubernetes label selector (e.g.
 * `app=billing,tier in (web)`) that finds the entity's workloads when they do not carry the
 * `backstage.io/kubernetes-id` label. Upstream Backstage's annotation; read by the deployments
 * plugin.
 */
export const ANNOTATION_KUBERNETES_LABEL_SELECTOR =
  'backstage.io/kubernetes-label-selector';

/**
 * `backstage.io/kubernetes-namespace`: the only Kubernetes namespace the entity's workloads are
 * looked up in. Upstream Backstage's annotation; read by the deployments plugin.
 */
export const ANNOTATION_KUBERNETES_NAMESPACE =
  'backstage.io/kubernetes-namespace';

/**
 * `strata.dev/deployment-id`: set by a CD system on a Kubernetes Deployment (not on a catalog
 * entity) to the id of the deployment it is performing, the same id it posts to
 * `POST /api/deployments/v1/events`; the rollout the watch observes then merges with the CD
 * event instead of being recorded twice.
 */
export const ANNOTATION_DEPLOYMENT_ID = 'strata.dev/deployment-id';

/**
 * `strata.dev/commit-sha`: set by a CD system on a Kubernetes Deployment (not on a catalog
 * entity) to the commit the rolled-out image was built from; recorded with the rollout.
 */
export const ANNOTATION_COMMIT_SHA = 'strata.dev/commit-sha';
