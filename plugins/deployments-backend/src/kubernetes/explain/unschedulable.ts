/*
 * Pending and unschedulable: the scheduler found no node for the pod and said why in the
 * PodScheduled=False condition, e.g. "0/3 nodes are available: 3 Insufficient memory.
 * preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.".
 * The part before "preemption:" lists the reasons per node group; each is put into words.
 */
import { SlimPod } from '../cache/objects';
import {
  eventEvidence,
  eventsAboutPods,
  mostCommon,
  podsAre,
  unique,
} from './text';
import { ExplainInput, Explanation } from './types';

interface SchedulingReason {
  /** Short phrase for the title. */
  summary: string;
  explanation: string;
  checkFirst: string;
}

function requestsOf(pods: SlimPod[], resource: string): string | undefined {
  const containers = pods[0]?.spec.containers ?? [];
  const requestOf: Record<
    string,
    (c: (typeof containers)[number]) => string | undefined
  > = {
    memory: c => c.memoryRequest,
    cpu: c => c.cpuRequest,
  };
  const read = requestOf[resource];
  if (!read) return undefined;
  const values = containers.map(read).filter(Boolean);
  return values.length ? values.join(' + ') : undefined;
}

function reasonsIn(message: string, pods: SlimPod[]): SchedulingReason[] {
  const reasons: SchedulingReason[] = [];
  const insufficient = [
    ...message.matchAll(/Insufficient ([\w/-]+(?:\.[\w/-]+)*)/g),
  ].map(m => m[1]);
  for (const resource of unique(insufficient)) {
    const requested = requestsOf(pods, resource);
    reasons.push({
      summary: `not enough free ${resource}`,
      explanation: `No node has enough unreserved ${resource} for the pod's requests${
        requested ? ` (${requested} per pod)` : ''
      }: the cluster is full, or the requests are larger than any node.`,
      checkFirst: `The pod's resources.requests.${resource} against what the nodes have free (\`kubectl describe nodes\`, "Allocated resources"); whether the cluster autoscaler is adding a node (or is at its maximum); whether this version raised the requests.`,
    });
  }
  if (
    /didn't match Pod's node affinity|node affinity\/selector|didn't match node selector/i.test(
      message,
    )
  ) {
    reasons.push({
      summary: 'no node matches its node selector or affinity',
      explanation:
        "The pod's nodeSelector or node affinity names labels that no (schedulable) node carries.",
      checkFirst:
        "The pod's nodeSelector/affinity against the nodes' labels (`kubectl get nodes --show-labels`); a node pool that was renamed or scaled to zero.",
    });
  }
  if (/untolerated taint|had taints? .*didn't tolerate/i.test(message)) {
    const taint = /taint \{([^}]*)\}/.exec(message)?.[1];
    reasons.push({
      summary: 'nodes carry taints it does not tolerate',
      explanation: `The free nodes are tainted${
        taint ? ` (${taint})` : ''
      } and the pod has no matching toleration.`,
      checkFirst:
        "The pod's tolerations against the nodes' taints (`kubectl describe node`); whether nodes are tainted because they are not ready or under pressure.",
    });
  }
  if (
    /unbound immediate PersistentVolumeClaims|volume node affinity conflict|persistentvolumeclaim/i.test(
      message,
    )
  ) {
    reasons.push({
      summary: 'its volumes cannot be provided',
      explanation:
        'A PersistentVolumeClaim of the pod is not bound, or its volume lives in a zone with no usable node.',
      checkFirst:
        "`kubectl get pvc` in the namespace: a Pending claim, its StorageClass and the provisioner's events; volume zone vs. node zones.",
    });
  }
  if (
    /didn't match pod (anti-)?affinity rules|didn't satisfy existing pods anti-affinity/i.test(
      message,
    )
  ) {
    reasons.push({
      summary: 'pod (anti-)affinity rules leave no node',
      explanation:
        'The pod may only run next to (or away from) certain pods, and no node satisfies that — typically required anti-affinity with more replicas than nodes.',
      checkFirst:
        'The podAntiAffinity/podAffinity rules against the number of nodes; use preferred instead of required rules, or add nodes.',
    });
  }
  if (/didn't have free ports/i.test(message)) {
    reasons.push({
      summary: 'the host port it needs is taken',
      explanation:
        'The pod asks for a hostPort that is already in use on every candidate node.',
      checkFirst:
        'The hostPort in the pod spec: drop it (use a Service) or make sure one replica per node fits.',
    });
  }
  if (
    /node\(s\) were unschedulable|node\(s\) had unschedulable/i.test(message)
  ) {
    reasons.push({
      summary: 'nodes are cordoned',
      explanation:
        'Some nodes are marked unschedulable (cordoned, e.g. during maintenance or an upgrade).',
      checkFirst:
        '`kubectl get nodes` for SchedulingDisabled; whether a node upgrade or drain is in progress.',
    });
  }
  if (/Too many pods/i.test(message)) {
    reasons.push({
      summary: 'nodes are at their pod limit',
      explanation:
        "The nodes already run as many pods as they may (the kubelet's max-pods).",
      checkFirst: "Pods per node against the node pool's max-pods; add nodes.",
    });
  }
  return reasons;
}

export function schedulerMessage(pod: SlimPod): string | undefined {
  const c = pod.status.conditions.find(x => x.type === 'PodScheduled');
  return c?.status === 'False' ? c.message ?? c.reason ?? '' : undefined;
}

export function explainUnschedulable(input: ExplainInput): Explanation[] {
  const pending = input.pods.filter(
    p => p.status.phase === 'Pending' && schedulerMessage(p) !== undefined,
  );
  if (pending.length === 0) return [];

  const message = mostCommon(pending.map(p => schedulerMessage(p)!))!;
  // The scheduler's own verdict, without its note about preemption.
  const verdict = message.split(/\s*preemption:/)[0].trim();
  const reasons = reasonsIn(verdict, pending);
  const events = eventsAboutPods(input.events, pending, ['FailedScheduling']);
  const evidence = unique([
    ...pending.map(
      p =>
        `${p.metadata.name}: Pending, PodScheduled=False: ${schedulerMessage(
          p,
        )}`,
    ),
    ...events.map(eventEvidence),
  ]);

  return [
    {
      events,
      problem: {
        kind: 'unschedulable',
        severity: 'error',
        title: `${podsAre(pending.length, input.pods.length)} Pending: ${
          reasons.length
            ? reasons.map(r => r.summary).join('; ')
            : 'no node can run them'
        }`,
        explanation:
          `The scheduler found no node for these pods, so they wait in Pending and serve no traffic. It said: "${verdict}". ${reasons
            .map(r => r.explanation)
            .join(' ')}`.trim(),
        checkFirst: reasons.length
          ? reasons.map(r => r.checkFirst).join(' ')
          : "`kubectl describe pod` for the scheduler's full message, then the nodes' capacity, taints and labels.",
        pods: pending.map(p => p.metadata.name),
        evidence,
      },
    },
  ];
}
