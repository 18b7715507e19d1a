/*
 * Recent Warning events that no other explanation already quotes, grouped by reason and the
 * kind of object they are about. Reasons that say something specific (a ReplicaSet that may not
 * create pods, a volume that cannot be mounted, an autoscaler without metrics, a liveness probe
 * that restarts containers, an eviction) are put into words; others are shown as Kubernetes
 * wrote them.
 */
import { WorkloadProblem } from '@internal/plugin-deployments-common';
import { SlimEvent } from '../cache/objects';
import { eventEvidence, plural, unique } from './text';
import { ExplainInput, Explanation } from './types';

interface Known {
  severity: WorkloadProblem['severity'];
  title: string;
  explanation: string;
  checkFirst: string;
}

function known(e: SlimEvent): Known | undefined {
  const on = `${e.involvedObject.kind} ${e.involvedObject.name}`;
  switch (e.reason) {
    case 'FailedCreate':
      return {
        severity: 'error',
        title: /exceeded quota/i.test(e.message)
          ? `${on} may not create pods: the namespace's resource quota is used up`
          : `${on} may not create pods: the API server refused them`,
        explanation:
          'The ReplicaSet asks for new pods and the API server rejects every one, so the workload cannot reach its replica count (and a rollout cannot progress). ' +
          'Typical causes: a ResourceQuota that is used up, a pod security or admission policy, a missing service account.',
        checkFirst:
          '`kubectl describe quota` in the namespace and the rejection message below; for policies, the admission controller named in the message.',
      };
    case 'FailedMount':
    case 'FailedAttachVolume':
      return {
        severity: 'error',
        title: `Pods of ${
          on.startsWith('Pod') ? 'this workload' : on
        } cannot mount a volume`,
        explanation:
          "The kubelet cannot mount one of the pod's volumes (a missing Secret or ConfigMap, a PersistentVolume still attached to another node), so the pod does not start.",
        checkFirst:
          'The volume named in the message: that the Secret/ConfigMap exists, or where the PersistentVolume is attached.',
      };
    case 'FailedGetResourceMetric':
    case 'FailedComputeMetricsReplicas':
    case 'FailedGetExternalMetric':
    case 'FailedGetPodsMetric':
    case 'FailedGetObjectMetric':
      return {
        severity: 'warning',
        title: `The autoscaler ${e.involvedObject.name} cannot read its metrics`,
        explanation:
          'Without metrics the HorizontalPodAutoscaler cannot scale: the workload stays at its current size whatever the load.',
        checkFirst:
          'That metrics-server (or the metrics adapter) runs, and that the containers set resources.requests (CPU utilisation is measured against requests).',
      };
    case 'Unhealthy':
      if (/^Liveness probe/i.test(e.message)) {
        return {
          severity: 'warning',
          title: `Liveness probe failing on ${on}: the kubelet restarts the container`,
          explanation:
            'When the liveness probe fails repeatedly, the kubelet kills and restarts the container — a slow or stuck process gets restarted in the middle of its work.',
          checkFirst:
            "Whether the process hangs or only answers slowly (timeouts under load); the probe's timeoutSeconds and failureThreshold.",
        };
      }
      return undefined;
    case 'Evicted':
      return {
        severity: 'warning',
        title: `${on} was evicted from its node`,
        explanation:
          'The kubelet evicted the pod because the node ran short of memory or disk; pods using more than they request are evicted first.',
        checkFirst:
          "The node named in the message and its pressure conditions; the pod's memory and ephemeral-storage requests.",
      };
    default:
      return undefined;
  }
}

export function explainWarningEvents(
  input: ExplainInput,
  alreadyQuoted: Set<SlimEvent>,
): Explanation[] {
  const groups = new Map<string, SlimEvent[]>();
  for (const e of input.events) {
    if (alreadyQuoted.has(e)) continue;
    const key = `${e.reason}/${e.involvedObject.kind}/${
      known(e) ? known(e)!.title : ''
    }`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const out: Explanation[] = [];
  for (const events of groups.values()) {
    const sorted = [...events].sort((a, b) =>
      (a.lastSeen ?? '') < (b.lastSeen ?? '') ? 1 : -1,
    );
    const first = sorted[0];
    const total = sorted.reduce((n, e) => n + e.count, 0);
    const description = known(first);
    const objects = unique(sorted.map(e => e.involvedObject.name));
    out.push({
      events: sorted,
      problem: {
        kind: 'warning-event',
        severity: description?.severity ?? 'warning',
        title:
          description?.title ??
          `Kubernetes warned ${first.reason} ${plural(total, 'time')} on ${
            objects.length === 1
              ? `${first.involvedObject.kind} ${objects[0]}`
              : plural(objects.length, first.involvedObject.kind.toLowerCase())
          }: ${first.message.slice(0, 160)}`,
        explanation:
          description?.explanation ??
          `A Kubernetes component reported "${first.reason}" about this workload. The message below is its own account.`,
        checkFirst:
          description?.checkFirst ??
          `\`kubectl describe ${first.involvedObject.kind.toLowerCase()} ${
            first.involvedObject.name
          } -n ${
            first.involvedObject.namespace
          }\` and the events listed there.`,
        pods: unique(
          sorted
            .filter(e => e.involvedObject.kind === 'Pod')
            .map(e => e.involvedObject.name),
        ),
        evidence: sorted.slice(0, 5).map(eventEvidence),
      },
    });
  }
  return out;
}
