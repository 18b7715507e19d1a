/*
 * A container that cannot be created or started: CreateContainerConfigError (a Secret,
 * ConfigMap or key it references does not exist), CreateContainerError and RunContainerError
 * (the runtime refused it, e.g. the command is not in the image). The pod never runs.
 */
import { containerLabel, podContainers, podsOf } from './podContainers';
import {
  eventEvidence,
  eventsAboutPods,
  mostCommon,
  podsAre,
  unique,
} from './text';
import { ExplainInput, Explanation } from './types';

const REASONS = [
  'CreateContainerConfigError',
  'CreateContainerError',
  'RunContainerError',
];

function advice(
  reason: string,
  message: string,
): { explanation: string; checkFirst: string } {
  const missing = /(secret|configmap) "([^"]+)" not found/i.exec(message);
  if (missing) {
    return {
      explanation: `The container refers to the ${missing[1]} "${missing[2]}", which does not exist in this namespace, so the kubelet cannot build its environment or volumes.`,
      checkFirst: `Create the ${
        missing[1]
      } (or fix its name): \`kubectl get ${missing[1].toLowerCase()} -n <namespace>\`; if a secrets operator provides it, that operator's status.`,
    };
  }
  const key = /couldn't find key (\S+) in (Secret|ConfigMap) (\S+)/i.exec(
    message,
  );
  if (key) {
    return {
      explanation: `The container reads the key "${key[1]}" from the ${key[2]} ${key[3]}, which has no such key.`,
      checkFirst: `The keys of ${key[3]} against the container's env/envFrom references.`,
    };
  }
  if (reason === 'CreateContainerConfigError') {
    return {
      explanation:
        "The kubelet cannot assemble the container's configuration (environment, volumes, security context).",
      checkFirst:
        "The message below; the Secrets and ConfigMaps the pod references; runAsNonRoot against the image's user.",
    };
  }
  return {
    explanation:
      'The container runtime could not create or start the container — most often the command or entrypoint does not exist in the image, or a mount is invalid.',
    checkFirst:
      "The message below; the image's entrypoint and the Deployment's command/args; volume mounts.",
  };
}

export function explainContainerConfig(input: ExplainInput): Explanation[] {
  const hits = podContainers(input.pods).filter(c =>
    REASONS.includes(c.status.state.waiting?.reason ?? ''),
  );
  if (hits.length === 0) return [];
  const pods = podsOf(hits);
  const reason = mostCommon(hits.map(h => h.status.state.waiting!.reason!))!;
  const message =
    mostCommon(hits.map(h => h.status.state.waiting?.message ?? '')) ?? '';
  const container = mostCommon(hits.map(h => containerLabel(h)))!;
  const events = eventsAboutPods(input.events, pods, ['Failed'], /^Error:/);
  const { explanation, checkFirst } = advice(reason, message);
  return [
    {
      events,
      problem: {
        kind: 'container-config',
        severity: 'error',
        title: `${podsAre(
          pods.length,
          input.pods.length,
        )} unable to start the ${container} (${reason}${
          message ? `: ${message}` : ''
        })`,
        explanation: `${explanation} The pod stays unstarted and serves no traffic.`,
        checkFirst,
        pods: pods.map(p => p.metadata.name),
        evidence: unique([
          ...hits.map(
            h =>
              `${h.pod.metadata.name}: ${containerLabel(h)} ${
                h.status.state.waiting!.reason
              }${
                h.status.state.waiting?.message
                  ? `: ${h.status.state.waiting.message}`
                  : ''
              }`,
          ),
          ...events.map(eventEvidence),
        ]),
      },
    },
  ];
}
