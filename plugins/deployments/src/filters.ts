import { Entity } from '@backstage/catalog-model';
import { ANNOTATION_KUBERNETES_ID } from '@internal/plugin-service-model-common';

/**
 * `backstage.io/kubernetes-label-selector`: a label selector that finds the entity's workloads
 * when they do not carry the `backstage.io/kubernetes-id` label (upstream Kubernetes plugin's
 * annotation, read the same way by the deployments backend).
 */
export const ANNOTATION_KUBERNETES_LABEL_SELECTOR =
  'backstage.io/kubernetes-label-selector';

/** How the backend finds the entity's workloads, or undefined when the entity says nothing. */
export function workloadSelectorOf(entity: Entity): string | undefined {
  const annotations = entity.metadata.annotations ?? {};
  const id = annotations[ANNOTATION_KUBERNETES_ID]?.trim();
  if (id) return `label ${ANNOTATION_KUBERNETES_ID}=${id}`;
  const selector = annotations[ANNOTATION_KUBERNETES_LABEL_SELECTOR]?.trim();
  if (selector) return `label selector ${selector}`;
  return undefined;
}

const DEPLOYABLE_TYPES = ['service', 'website'];

/**
 * Components that run somewhere: annotated for Kubernetes, or a service or website (which then
 * get a card explaining how to annotate them). Libraries and the like get no deployments cards.
 */
export function isDeployableComponent(entity: Entity): boolean {
  if (entity.kind.toLocaleLowerCase('en-US') !== 'component') return false;
  if (workloadSelectorOf(entity)) return true;
  const type = entity.spec?.type;
  return typeof type === 'string' && DEPLOYABLE_TYPES.includes(type);
}

/** Groups: a team's DORA figures cover the services it owns. */
export function isGroup(entity: Entity): boolean {
  return entity.kind.toLocaleLowerCase('en-US') === 'group';
}
