import { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_KUBERNETES_ID,
  ANNOTATION_KUBERNETES_LABEL_SELECTOR,
} from '@internal/plugin-service-model-common';

/**
 * Whether the entity says which Kubernetes workloads are its own (`backstage.io/kubernetes-id`
 * or `backstage.io/kubernetes-label-selector`). Without either, the backend still looks for
 * workloads labelled with the entity's name, as upstream's Kubernetes plugin does.
 */
export function hasWorkloadAnnotation(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return [ANNOTATION_KUBERNETES_ID, ANNOTATION_KUBERNETES_LABEL_SELECTOR].some(
    name => Boolean(annotations[name]?.trim()),
  );
}

const DEPLOYABLE_TYPES = ['service', 'website'];

/**
 * Components that run somewhere: annotated for Kubernetes, or a service or website (which,
 * when no workload is found, get a card explaining how to annotate them). Libraries and the
 * like get no deployments cards.
 */
export function isDeployableComponent(entity: Entity): boolean {
  if (entity.kind.toLocaleLowerCase('en-US') !== 'component') return false;
  if (hasWorkloadAnnotation(entity)) return true;
  const type = entity.spec?.type;
  return typeof type === 'string' && DEPLOYABLE_TYPES.includes(type);
}

/** Groups: a team's DORA figures cover the services it owns. */
export function isGroup(entity: Entity): boolean {
  return entity.kind.toLocaleLowerCase('en-US') === 'group';
}
