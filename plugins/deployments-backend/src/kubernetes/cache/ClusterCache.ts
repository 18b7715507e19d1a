/*
 * One cluster's watch cache: the slim objects of the five watched kinds, and the indexes that
 * answer "which Deployments carry this label", "which ReplicaSets and Pods belong to this
 * Deployment", "which HPA scales it" and "which Warning events are about it" without a scan.
 * Fed by the informers (upsert/remove); read by status assembly and the rollout tracker.
 */
import { ANNOTATION_KUBERNETES_ID } from '@internal/plugin-service-model-common';
import { MultiIndex } from './MultiIndex';
import {
  SlimDeployment,
  SlimEvent,
  SlimHorizontalPodAutoscaler,
  SlimObject,
  SlimPod,
  SlimReplicaSet,
} from './objects';
import {
  LabelSelector,
  matchesLabelSelector,
  singleEquality,
} from '../selector/labelSelector';

/** Everything the cache knows about one Deployment. */
export interface WorkloadObjects {
  deployment: SlimDeployment;
  replicaSets: SlimReplicaSet[];
  pods: SlimPod[];
  hpa?: SlimHorizontalPodAutoscaler;
  /** Warning events about the Deployment, its ReplicaSets, Pods and HPA. */
  events: SlimEvent[];
}

const keyOf = (namespace: string, name: string) => `${namespace}/${name}`;
/** Code-point order: stable, and much cheaper than localeCompare on hot paths. */
const byString = (a: string, b: string) => {
  if (a === b) return 0;
  return a < b ? -1 : 1;
};
const objectKey = (o: SlimObject) =>
  keyOf(o.metadata.namespace, o.metadata.name);
const involvedKey = (namespace: string, kind: string, name: string) =>
  `${namespace}/${kind}/${name}`;

function controllerOwner(o: SlimObject, kind: string): string | undefined {
  const refs = o.metadata.ownerReferences.filter(r => r.kind === kind);
  return (refs.find(r => r.controller) ?? refs[0])?.name;
}

export class ClusterCache {
  private readonly deployments = new Map<string, SlimDeployment>();
  private readonly replicaSets = new Map<string, SlimReplicaSet>();
  private readonly pods = new Map<string, SlimPod>();
  private readonly hpas = new Map<string, SlimHorizontalPodAutoscaler>();
  private readonly events = new Map<string, SlimEvent>();

  private readonly deploymentsByKubernetesId = new MultiIndex<SlimDeployment>(
    d => {
      const id = d.metadata.labels[ANNOTATION_KUBERNETES_ID];
      return id === undefined ? [] : [id];
    },
  );
  private readonly replicaSetsByDeployment = new MultiIndex<SlimReplicaSet>(
    rs => {
      const owner = controllerOwner(rs, 'Deployment');
      return owner ? [keyOf(rs.metadata.namespace, owner)] : [];
    },
  );
  private readonly podsByReplicaSet = new MultiIndex<SlimPod>(pod => {
    const owner = controllerOwner(pod, 'ReplicaSet');
    return owner ? [keyOf(pod.metadata.namespace, owner)] : [];
  });
  private readonly hpasByTarget = new MultiIndex<SlimHorizontalPodAutoscaler>(
    hpa => [
      involvedKey(
        hpa.metadata.namespace,
        hpa.spec.scaleTargetRef.kind,
        hpa.spec.scaleTargetRef.name,
      ),
    ],
  );
  private readonly eventsByObject = new MultiIndex<SlimEvent>(e => [
    involvedKey(
      e.involvedObject.namespace,
      e.involvedObject.kind,
      e.involvedObject.name,
    ),
  ]);

  private readonly deploymentListeners: Array<(key: string) => void> = [];
  /** Per Deployment, a number that changes whenever anything its status is built from changes. */
  private readonly versions = new Map<string, number>();
  private changes = 0;

  /** Called with `namespace/name` whenever a Deployment or one of its ReplicaSets changes. */
  onDeploymentChange(listener: (deploymentKey: string) => void): void {
    this.deploymentListeners.push(listener);
  }

  upsert(obj: SlimObject): void {
    const key = objectKey(obj);
    // Before and after the change: an object can move between Deployments (an owner replaced).
    this.bumpAffected(obj);
    switch (obj.kind) {
      case 'Deployment':
        this.deployments.set(key, obj);
        this.deploymentsByKubernetesId.upsert(key, obj);
        this.notify(key);
        break;
      case 'ReplicaSet': {
        this.replicaSets.set(key, obj);
        this.replicaSetsByDeployment.upsert(key, obj);
        const owner = controllerOwner(obj, 'Deployment');
        if (owner) this.notify(keyOf(obj.metadata.namespace, owner));
        break;
      }
      case 'Pod':
        this.pods.set(key, obj);
        this.podsByReplicaSet.upsert(key, obj);
        break;
      case 'HorizontalPodAutoscaler':
        this.hpas.set(key, obj);
        this.hpasByTarget.upsert(key, obj);
        break;
      case 'Event':
        this.events.set(key, obj);
        this.eventsByObject.upsert(key, obj);
        break;
      default:
    }
    this.bumpAffected(obj);
  }

  remove(obj: SlimObject): void {
    const key = objectKey(obj);
    this.bumpAffected(this.stored(obj) ?? obj);
    switch (obj.kind) {
      case 'Deployment':
        this.deployments.delete(key);
        this.deploymentsByKubernetesId.remove(key);
        this.versions.delete(key);
        this.notify(key);
        break;
      case 'ReplicaSet':
        this.replicaSets.delete(key);
        this.replicaSetsByDeployment.remove(key);
        break;
      case 'Pod':
        this.pods.delete(key);
        this.podsByReplicaSet.remove(key);
        break;
      case 'HorizontalPodAutoscaler':
        this.hpas.delete(key);
        this.hpasByTarget.remove(key);
        break;
      case 'Event':
        this.events.delete(key);
        this.eventsByObject.remove(key);
        break;
      default:
    }
  }

  deploymentKeys(): string[] {
    return [...this.deployments.keys()];
  }

  getDeployment(deploymentKey: string): SlimDeployment | undefined {
    return this.deployments.get(deploymentKey);
  }

  /** Deployments whose labels meet the selector, optionally in one namespace, by name. */
  deploymentsMatching(
    selector: LabelSelector,
    namespace?: string,
  ): SlimDeployment[] {
    const equality = singleEquality(selector);
    const candidates =
      equality?.key === ANNOTATION_KUBERNETES_ID
        ? [...this.deploymentsByKubernetesId.get(equality.value)].map(
            k => this.deployments.get(k)!,
          )
        : [...this.deployments.values()];
    return candidates
      .filter(d => d && (!namespace || d.metadata.namespace === namespace))
      .filter(d => matchesLabelSelector(d.metadata.labels, selector))
      .sort((a, b) => byString(objectKey(a), objectKey(b)));
  }

  replicaSetsOf(deployment: SlimDeployment): SlimReplicaSet[] {
    return [...this.replicaSetsByDeployment.get(objectKey(deployment))]
      .map(k => this.replicaSets.get(k)!)
      .filter(Boolean);
  }

  workloadObjects(deployment: SlimDeployment): WorkloadObjects {
    const ns = deployment.metadata.namespace;
    const replicaSets = this.replicaSetsOf(deployment);
    const pods = replicaSets
      .flatMap(rs => [...this.podsByReplicaSet.get(objectKey(rs))])
      .map(k => this.pods.get(k)!)
      .filter(Boolean)
      .sort((a, b) => byString(a.metadata.name, b.metadata.name));
    const hpaKey = [
      ...this.hpasByTarget.get(
        involvedKey(ns, 'Deployment', deployment.metadata.name),
      ),
    ][0];
    const hpa = hpaKey ? this.hpas.get(hpaKey) : undefined;

    const involved = [
      involvedKey(ns, 'Deployment', deployment.metadata.name),
      ...replicaSets.map(rs => involvedKey(ns, 'ReplicaSet', rs.metadata.name)),
      ...pods.map(p => involvedKey(ns, 'Pod', p.metadata.name)),
      ...(hpa
        ? [involvedKey(ns, 'HorizontalPodAutoscaler', hpa.metadata.name)]
        : []),
    ];
    const events = involved
      .flatMap(k => [...this.eventsByObject.get(k)])
      .map(k => this.events.get(k)!)
      .filter(Boolean);
    return { deployment, replicaSets, pods, hpa, events };
  }

  /**
   * Changes whenever the Deployment, its ReplicaSets, Pods, HPA or the Warning events about them
   * change: a status built at one version is still right at the same version.
   */
  workloadVersion(deploymentKey: string): number {
    return this.versions.get(deploymentKey) ?? 0;
  }

  /** Object counts per kind (for logs and the benchmark). */
  sizes(): Record<SlimObject['kind'], number> {
    return {
      Deployment: this.deployments.size,
      ReplicaSet: this.replicaSets.size,
      Pod: this.pods.size,
      HorizontalPodAutoscaler: this.hpas.size,
      Event: this.events.size,
    };
  }

  private stored(obj: SlimObject): SlimObject | undefined {
    const key = objectKey(obj);
    switch (obj.kind) {
      case 'Deployment':
        return this.deployments.get(key);
      case 'ReplicaSet':
        return this.replicaSets.get(key);
      case 'Pod':
        return this.pods.get(key);
      case 'HorizontalPodAutoscaler':
        return this.hpas.get(key);
      default:
        return this.events.get(key);
    }
  }

  /** The Deployment (namespace/name) an object's status belongs to, if it can be told. */
  private deploymentOf(
    kind: string,
    namespace: string,
    name: string,
  ): string | undefined {
    switch (kind) {
      case 'Deployment':
        return keyOf(namespace, name);
      case 'ReplicaSet': {
        const rs = this.replicaSets.get(keyOf(namespace, name));
        const owner = rs && controllerOwner(rs, 'Deployment');
        return owner ? keyOf(namespace, owner) : undefined;
      }
      case 'Pod': {
        const pod = this.pods.get(keyOf(namespace, name));
        const owner = pod && controllerOwner(pod, 'ReplicaSet');
        return owner
          ? this.deploymentOf('ReplicaSet', namespace, owner)
          : undefined;
      }
      case 'HorizontalPodAutoscaler': {
        const hpa = this.hpas.get(keyOf(namespace, name));
        return hpa?.spec.scaleTargetRef.kind === 'Deployment'
          ? keyOf(namespace, hpa.spec.scaleTargetRef.name)
          : undefined;
      }
      default:
        return undefined;
    }
  }

  private bumpAffected(obj: SlimObject) {
    const ns = obj.metadata.namespace;
    let deploymentKey: string | undefined;
    switch (obj.kind) {
      case 'Deployment':
        deploymentKey = objectKey(obj);
        break;
      case 'ReplicaSet': {
        const owner = controllerOwner(obj, 'Deployment');
        deploymentKey = owner ? keyOf(ns, owner) : undefined;
        break;
      }
      case 'Pod': {
        const owner = controllerOwner(obj, 'ReplicaSet');
        deploymentKey = owner
          ? this.deploymentOf('ReplicaSet', ns, owner)
          : undefined;
        break;
      }
      case 'HorizontalPodAutoscaler':
        deploymentKey =
          obj.spec.scaleTargetRef.kind === 'Deployment'
            ? keyOf(ns, obj.spec.scaleTargetRef.name)
            : undefined;
        break;
      case 'Event':
        deploymentKey = this.deploymentOf(
          obj.involvedObject.kind,
          obj.involvedObject.namespace,
          obj.involvedObject.name,
        );
        break;
      default:
    }
    // Only for Deployments the cache holds: the pods of a deleted one leave no entries behind.
    if (
      deploymentKey &&
      (obj.kind === 'Deployment' || this.deployments.has(deploymentKey))
    ) {
      this.versions.set(deploymentKey, ++this.changes);
    }
  }

  private notify(deploymentKey: string) {
    for (const listener of this.deploymentListeners) listener(deploymentKey);
  }
}
