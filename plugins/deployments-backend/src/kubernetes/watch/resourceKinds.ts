/*
 * The five kinds the watch cache holds: where they live in the API, how a page of them is
 * listed with client-node's typed clients, and how an object is projected for the cache.
 * Events are watched with `fieldSelector=type=Warning`: normal events are most of a cluster's
 * event traffic and say nothing the card needs.
 */
import {
  AppsV1Api,
  AutoscalingV2Api,
  CoreV1Api,
  KubeConfig,
  KubernetesListObject,
} from '@kubernetes/client-node';
import { SlimObject } from '../cache/objects';
import {
  slimDeployment,
  slimEvent,
  slimHorizontalPodAutoscaler,
  slimPod,
  slimReplicaSet,
} from '../cache/slim';

export interface PageRequest {
  namespace?: string;
  limit: number;
  continueToken?: string;
  fieldSelector?: string;
}

export type ListPage = (kc: KubeConfig, request: PageRequest) => Promise<KubernetesListObject<any>>;

export interface ResourceKind {
  /** Plural resource name, as RBAC and messages name it. */
  resource: 'deployments' | 'replicasets' | 'pods' | 'horizontalpodautoscalers' | 'events';
  /** API path of the collection, cluster-wide or in one namespace. */
  path(namespace?: string): string;
  fieldSelector?: string;
  listPage: ListPage;
  slim(raw: unknown): SlimObject;
}

function pageParams(r: PageRequest) {
  return {
    limit: r.limit,
    ...(r.continueToken ? { _continue: r.continueToken } : {}),
    ...(r.fieldSelector ? { fieldSelector: r.fieldSelector } : {}),
  };
}

const collectionPath = (prefix: string, plural: string) => (namespace?: string) =>
  namespace ? `${prefix}/namespaces/${encodeURIComponent(namespace)}/${plural}` : `${prefix}/${plural}`;

export const RESOURCE_KINDS: ResourceKind[] = [
  {
    resource: 'deployments',
    path: collectionPath('/apis/apps/v1', 'deployments'),
    listPage: (kc, r) => {
      const api = kc.makeApiClient(AppsV1Api);
      return r.namespace
        ? api.listNamespacedDeployment({ namespace: r.namespace, ...pageParams(r) })
        : api.listDeploymentForAllNamespaces(pageParams(r));
    },
    slim: slimDeployment,
  },
  {
    resource: 'replicasets',
    path: collectionPath('/apis/apps/v1', 'replicasets'),
    listPage: (kc, r) => {
      const api = kc.makeApiClient(AppsV1Api);
      return r.namespace
        ? api.listNamespacedReplicaSet({ namespace: r.namespace, ...pageParams(r) })
        : api.listReplicaSetForAllNamespaces(pageParams(r));
    },
    slim: slimReplicaSet,
  },
  {
    resource: 'pods',
    path: collectionPath('/api/v1', 'pods'),
    listPage: (kc, r) => {
      const api = kc.makeApiClient(CoreV1Api);
      return r.namespace
        ? api.listNamespacedPod({ namespace: r.namespace, ...pageParams(r) })
        : api.listPodForAllNamespaces(pageParams(r));
    },
    slim: slimPod,
  },
  {
    resource: 'horizontalpodautoscalers',
    path: collectionPath('/apis/autoscaling/v2', 'horizontalpodautoscalers'),
    listPage: (kc, r) => {
      const api = kc.makeApiClient(AutoscalingV2Api);
      return r.namespace
        ? api.listNamespacedHorizontalPodAutoscaler({ namespace: r.namespace, ...pageParams(r) })
        : api.listHorizontalPodAutoscalerForAllNamespaces(pageParams(r));
    },
    slim: slimHorizontalPodAutoscaler,
  },
  {
    resource: 'events',
    path: collectionPath('/api/v1', 'events'),
    fieldSelector: 'type=Warning',
    listPage: (kc, r) => {
      const api = kc.makeApiClient(CoreV1Api);
      return r.namespace
        ? api.listNamespacedEvent({ namespace: r.namespace, ...pageParams(r) })
        : api.listEventForAllNamespaces(pageParams(r));
    },
    slim: slimEvent,
  },
];
