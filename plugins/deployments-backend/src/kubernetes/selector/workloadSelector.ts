/*
 * Which Deployments belong to a catalog entity, decided the way upstream Backstage's Kubernetes
 * plugin decides it: the `backstage.io/kubernetes-label-selector` annotation when present, else
 * the label `backstage.io/kubernetes-id=<annotation value>`, else that label with the entity's
 * name; `backstage.io/kubernetes-namespace` narrows the lookup to one namespace.
 */
import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBERNETES_LABEL_SELECTOR,
  ANNOTATION_KUBERNETES_NAMESPACE,
} from '@internal/plugin-service-model-common';
import { LabelSelector, parseLabelSelector } from './labelSelector';

export interface WorkloadSelector {
  /** Requirements a Deployment's labels must meet; undefined when the annotation is unreadable. */
  selector?: LabelSelector;
  /** For people: `label backstage.io/kubernetes-id=billing`, or why nothing can match. */
  description: string;
  namespace?: string;
}

export function workloadSelectorFor(entity: Entity): WorkloadSelector {
  const annotations = entity.metadata.annotations ?? {};
  const namespace =
    annotations[ANNOTATION_KUBERNETES_NAMESPACE]?.trim() || undefined;
  const inNamespace = namespace ? ` in namespace ${namespace}` : '';

  const selectorText =
    annotations[ANNOTATION_KUBERNETES_LABEL_SELECTOR]?.trim();
  if (selectorText) {
    try {
      return {
        selector: parseLabelSelector(selectorText),
        description: `label selector ${selectorText}${inNamespace}`,
        namespace,
      };
    } catch (error) {
      return {
        description: `label selector ${selectorText} cannot be used (${
          (error as Error).message
        }); fix the ${ANNOTATION_KUBERNETES_LABEL_SELECTOR} annotation`,
        namespace,
      };
    }
  }

  const id = annotations[ANNOTATION_KUBERNETES_ID]?.trim();
  const value = id || entity.metadata.name;
  return {
    selector: [{ key: ANNOTATION_KUBERNETES_ID, op: 'in', values: [value] }],
    description: `label ${ANNOTATION_KUBERNETES_ID}=${value}${inNamespace}${
      id
        ? ''
        : ` (the entity's name: it has no ${ANNOTATION_KUBERNETES_ID} annotation)`
    }`,
    namespace,
  };
}
