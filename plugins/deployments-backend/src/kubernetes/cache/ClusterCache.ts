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
const objectKey = (o: SlimObject) => keyOf(o.metadata.namespace, o.metadata.name);
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

  private readonly deploymentsByKubernetesId = new MultiIndex<SlimDeployment>(d => {
    const id = d.metadata.labels[ANNOTATION_KUBERNETES_ID];
    return id === undefined ? [] : [id];
  });
  private readonly replicaSetsByDeployment = new MultiIndex<SlimReplicaSet>(rs => {
    const owner = controllerOwner(rs, 'Deployment');
    return owner ? [keyOf(rs.metadata.namespace, owner)] : [];
  });
  private readonly podsByReplicaSet = new MultiIndex<SlimPod>(pod => {
    const owner = controllerOwner(pod, 'ReplicaSet');
    return owner ? [keyOf(pod.metadata.namespace, owner)] : [];
  });
  private readonly hpasByTarget = new MultiIndex<SlimHorizontalPodAutoscaler>(hpa => [
    involvedKey(hpa.metadata.namespace, hpa.spec.scaleTargetRef.kind, hpa.spec.scaleTargetRef.name),
  ]);
  private readonly eventsByObject = new MultiIndex<SlimEvent>(e => [
    involvedKey(e.involvedObject.namespace, e.involvedObject.kind, e.involvedObject.name),
  ]);

  private readonly deploymentListeners: Array<(key: string) => void> = [];

  /** Called with `namespace/name` whenever a Deployment or one of its ReplicaSets changes. */
  onDeploymentChange(listener: (deploymentKey: string) => void): void {
    this.deploymentListeners.push(listener);
  }

  upsert(obj: SlimObject): void {
    const key = objectKey(obj);
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
  }

  remove(obj: SlimObject): void {
    const key = objectKey(obj);
    switch (obj.kind) {
      case 'Deployment':
        this.deployments.delete(key);
        this.deploymentsByKubernetesId.remove(key);
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
  deploymentsMatching(selector: LabelSelector, namespace?: string): SlimDeployment[] {
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
      .sort((a, b) =>
        objectKey(a).localeCompare(objectKey(b)),
      );
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
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    const hpaKey = [...this.hpasByTarget.get(involvedKey(ns, 'Deployment', deployment.metadata.name))][0];
    const hpa = hpaKey ? this.hpas.get(hpaKey) : undefined;

    const involved = [
      involvedKey(ns, 'Deployment', deployment.metadata.name),
      ...replicaSets.map(rs => involvedKey(ns, 'ReplicaSet', rs.metadata.name)),
      ...pods.map(p => involvedKey(ns, 'Pod', p.metadata.name)),
      ...(hpa ? [involvedKey(ns, 'HorizontalPodAutoscaler', hpa.metadata.name)] : []),
    ];
    const events = involved
      .flatMap(k => [...this.eventsByObject.get(k)])
      .map(k => this.events.get(k)!)
      .filter(Boolean);
    return { deployment, replicaSets, pods, hpa, events };
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

  private notify(deploymentKey: string) {
    for (const listener of this.deploymentListeners) listener(deploymentKey);
  }
}
