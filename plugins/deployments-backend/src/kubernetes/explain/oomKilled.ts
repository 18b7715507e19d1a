/*
 * OOMKilled: the kernel killed a container that used more memory than its limit (exit code 137,
 * reason OOMKilled in the current or the last termination). Reported while it is recent (within
 * the last hour) or the container is still crash-looping because of it; an OOM kill from last
 * week stays in `lastState` until the next restart but is history, not a problem.
 */
import { containerLabel, podContainers, podsOf } from './podContainers';
import {
  clock,
  eventEvidence,
  eventsAboutPods,
  mostCommon,
  podsWere,
  terminatedWithin,
  unique,
} from './text';
import { ExplainInput, Explanation } from './types';

const RECENT_MINUTES = 60;

export function explainOomKilled(input: ExplainInput): Explanation[] {
  const hits = podContainers(input.pods).filter(c => {
    const { state, lastState } = c.status;
    if (state.terminated?.reason === 'OOMKilled') return true;
    if (lastState.terminated?.reason !== 'OOMKilled') return false;
    return (
      state.waiting?.reason === 'CrashLoopBackOff' ||
      terminatedWithin(lastState, input.now, RECENT_MINUTES)
    );
  });
  if (hits.length === 0) return [];

  const pods = podsOf(hits);
  const container = mostCommon(hits.map(h => containerLabel(h)))!;
  const limit = mostCommon(hits.map(h => h.spec?.memoryLimit));
  const crashLooping = hits.some(
    h => h.status.state.waiting?.reason === 'CrashLoopBackOff',
  );
  const namespace = input.deployment.metadata.namespace;
  const events = eventsAboutPods(input.events, pods, ['BackOff', 'OOMKilling']);

  const evidence = unique([
    ...hits.map(h => {
      const t =
        h.status.state.terminated?.reason === 'OOMKilled'
          ? h.status.state.terminated
          : h.status.lastState.terminated;
      return [
        `${h.pod.metadata.name}: ${containerLabel(h)} OOMKilled`,
        `exit code ${t?.exitCode ?? 137}`,
        t?.finishedAt ? `at ${clock(t.finishedAt)}` : undefined,
        h.spec?.memoryLimit
          ? `memory limit ${h.spec.memoryLimit}`
          : 'no memory limit set',
        `${h.status.restartCount} restarts`,
        h.status.state.waiting?.reason
          ? `now ${h.status.state.waiting.reason}`
          : undefined,
      ]
        .filter(Boolean)
        .join(', ');
    }),
    ...events.map(eventEvidence),
  ]);

  return [
    {
      events,
      problem: {
        kind: 'oom-killed',
        severity: 'error',
        title: `${podsWere(
          pods.length,
          input.pods.length,
        )} OOMKilled: the ${container} ran out of memory${
          limit ? ` (limit ${limit})` : ''
        }`,
        explanation: `${
          limit
            ? `The kernel killed the ${container} because it used more than its memory limit of ${limit} (exit code 137). `
            : `The kernel killed the ${container} because the node ran out of memory; the container has no memory limit, so it was one of the largest processes there (exit code 137). `
        }Kubernetes restarts it, and requests it was handling are lost${
          crashLooping
            ? '; it keeps happening, so the pod is now in CrashLoopBackOff.'
            : '.'
        }`,
        checkFirst:
          `How much memory the container used before it was killed (your dashboards, or \`kubectl top pod -n ${namespace}\`) and whether this version uses more than the last one: a leak, a larger cache, more concurrent work. ` +
          `Then fix the cause or raise resources.limits.memory. For the JVM or Node.js, the heap size must leave headroom below the container limit.`,
        pods: pods.map(p => p.metadata.name),
        evidence,
      },
    },
  ];
}
