/*
 * The five kinds the watch cache holds: where they live in the API and how an object is
 * projected for the cache. Events are watched with `fieldSelector=type=Warning`: normal events
 * are most of a cluster's event traffic and say nothing the card needs.
 */
import { KubeConfig } from '@kubernetes/client-node';
import { SlimObject } from '../cache/objects';
import {
  slimDeployment,
  slimEvent,
  slimHorizontalPodAutoscaler,
  slimPod,
  slimReplicaSet,
} from '../cache/slim';
import { getJson } from './listRequest';

export interface PageRequest {
  namespace?: string;
  limit: number;
  continueToken?: string;
}

/** A page of a list as the API server sends it: plain JSON. */
export interface ListPageResult {
  metadata?: { resourceVersion?: string; continue?: string };
  items?: unknown[];
}

export interface ResourceKind {
  /** Plural resource name, as RBAC and messages name it. */
  resource:
    | 'deployments'
    | 'replicasets'
    | 'pods'
    | 'horizontalpodautoscalers'
    | 'events';
  /** API path of the collection, cluster-wide or in one namespace. */
  path(namespace?: string): string;
  fieldSelector?: string;
  slim(raw: unknown): SlimObject;
}

const collectionPath =
  (prefix: string, plural: string) => (namespace?: string) =>
    namespace
      ? `${prefix}/namespaces/${encodeURIComponent(namespace)}/${plural}`
      : `${prefix}/${plural}`;

export const RESOURCE_KINDS: ResourceKind[] = [
  {
    resource: 'deployments',
    path: collectionPath('/apis/apps/v1', 'deployments'),
    slim: slimDeployment,
  },
  {
    resource: 'replicasets',
    path: collectionPath('/apis/apps/v1', 'replicasets'),
    slim: slimReplicaSet,
  },
  { resource: 'pods', path: collectionPath('/api/v1', 'pods'), slim: slimPod },
  {
    resource: 'horizontalpodautoscalers',
    path: collectionPath('/apis/autoscaling/v2', 'horizontalpodautoscalers'),
    slim: slimHorizontalPodAutoscaler,
  },
  {
    resource: 'events',
    path: collectionPath('/api/v1', 'events'),
    fieldSelector: 'type=Warning',
    slim: slimEvent,
  },
];

export function listPage(
  kc: KubeConfig,
  kind: ResourceKind,
  request: PageRequest,
): Promise<ListPageResult> {
  return getJson(kc, kind.path(request.namespace), {
    limit: request.limit,
    continue: request.continueToken,
    fieldSelector: kind.fieldSelector,
  });
}
