import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ANNOTATION_KUBERNETES_ID } from '@internal/plugin-service-model-common';
import { DeploymentStatusSource } from '../kubernetes/types';

/** A status source for router tests: no cluster configured, as the watch answers without one. */
export const noClustersStatusSource: DeploymentStatusSource = {
  async getStatus(entity: Entity) {
    const id = entity.metadata.annotations?.[ANNOTATION_KUBERNETES_ID];
    return {
      entityRef: stringifyEntityRef(entity),
      selector: id
        ? `label ${ANNOTATION_KUBERNETES_ID}=${id}`
        : `label ${ANNOTATION_KUBERNETES_ID}=${entity.metadata.name}`,
      clustersConfigured: false,
      clusters: [],
    };
  },
};
