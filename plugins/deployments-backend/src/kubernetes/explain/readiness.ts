/*
 * Failing readiness: the pod runs (its containers are up, not crashing) but Ready=False — the
 * readiness probe fails, so the pod is kept out of the Service's endpoints. A container gets a
 * minute after it started before this counts, since probes commonly start with a delay.
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

const GRACE_SECONDS = 60;

function notReadyRunning(pod: SlimPod, now: Date): boolean {
  if (pod.status.phase !== 'Running') return false;
  const ready = pod.status.conditions.find(c => c.type === 'Ready');
  if (ready?.status !== 'False') return false;
  const notReady = pod.status.containerStatuses.filter(c => !c.ready);
  if (notReady.length === 0) return false;
  return notReady.every(c => {
    const startedAt = c.state.running?.startedAt;
    if (!startedAt) return false;
    return (
      now.getTime() - new Date(startedAt).getTime() >= GRACE_SECONDS * 1000
    );
  });
}

export function explainReadiness(input: ExplainInput): Explanation[] {
  const pods = input.pods.filter(p => notReadyRunning(p, input.now));
  if (pods.length === 0) return [];

  const containers = pods.flatMap(p =>
    p.status.containerStatuses
      .filter(c => !c.ready)
      .map(c => ({
        pod: p,
        name: c.name,
        probe: p.spec.containers.find(s => s.name === c.name)?.readinessProbe,
      })),
  );
  const probe = mostCommon(containers.map(c => c.probe));
  const container = mostCommon(containers.map(c => c.name))!;
  const events = eventsAboutPods(
    input.events,
    pods,
    ['Unhealthy'],
    /^Readiness probe/i,
  );
  const probeFailure = mostCommon(
    events.map(e => e.message.replace(/^Readiness probe failed:\s*/i, '')),
  );
  const namespace = input.deployment.metadata.namespace;

  const evidence = unique([
    ...pods.map(p => {
      const ready = p.status.conditions.find(c => c.type === 'Ready');
      return `${p.metadata.name}: Running, Ready=False${
        ready?.reason ? ` (${ready.reason})` : ''
      }${
        ready?.lastTransitionTime ? ` since ${ready.lastTransitionTime}` : ''
      }`;
    }),
    ...events.map(eventEvidence),
  ]);

  return [
    {
      events,
      problem: {
        kind: 'readiness-failing',
        severity: 'error',
        title: `${podsAre(
          pods.length,
          input.pods.length,
        )} running but not ready${
          probe ? `: readiness probe ${probe} failing` : ''
        }${probeFailure ? ` (${probeFailure})` : ''}`,
        explanation:
          `The container ${container} is running, but its readiness probe fails, so Kubernetes keeps these pods out of the Service: they receive no traffic. ` +
          'During a rollout this also holds the rollout back, because new pods must become ready before old ones are removed.',
        checkFirst: `What the probe endpoint answers and why: \`kubectl port-forward -n ${namespace} pod/${
          pods[0].metadata.name
        }\` and call ${
          probe ?? 'the probe'
        } yourself, and read the container's logs. A readiness endpoint usually fails because something it checks (database, downstream service, cache warm-up) is not available.`,
        pods: pods.map(p => p.metadata.name),
        evidence,
      },
    },
  ];
}
