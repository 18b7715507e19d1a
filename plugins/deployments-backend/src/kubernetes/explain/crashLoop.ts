/*
 * CrashLoopBackOff: a container starts, exits, and the kubelet restarts it with a growing
 * back-off (10 s doubling to 5 minutes). The last termination (`lastState.terminated`) says how
 * it exited. Containers killed for memory are left to ./oomKilled, which says more.
 */
import { describeExitCode } from './exitCodes';
import { containerLabel, podContainers, podsOf } from './podContainers';
import {
  clock,
  eventEvidence,
  eventsAboutPods,
  mostCommon,
  podsAre,
  unique,
} from './text';
import { ExplainInput, Explanation } from './types';

export function explainCrashLoop(input: ExplainInput): Explanation[] {
  const hits = podContainers(input.pods).filter(
    c =>
      c.status.state.waiting?.reason === 'CrashLoopBackOff' &&
      c.status.lastState.terminated?.reason !== 'OOMKilled',
  );
  if (hits.length === 0) return [];

  const pods = podsOf(hits);
  const exitCode = mostCommon(
    hits.map(h => h.status.lastState.terminated?.exitCode),
  );
  const reason = mostCommon(
    hits.map(h => h.status.lastState.terminated?.reason),
  );
  const container = mostCommon(hits.map(h => containerLabel(h)))!;
  const how = [
    exitCode !== undefined ? `exit code ${exitCode}` : undefined,
    reason,
  ]
    .filter(Boolean)
    .join(', ');
  const restarts = Math.max(...hits.map(h => h.status.restartCount));
  const namespace = input.deployment.metadata.namespace;
  const example = hits[0];

  const events = eventsAboutPods(
    input.events,
    pods,
    ['BackOff'],
    /restarting failed container/i,
  );
  const evidence = unique([
    ...hits.map(h => {
      const t = h.status.lastState.terminated;
      const parts = [
        `${h.pod.metadata.name}: ${containerLabel(h)} CrashLoopBackOff`,
        t
          ? `last exit code ${t.exitCode ?? '?'} (${t.reason ?? 'no reason'})`
          : undefined,
        t?.finishedAt ? `at ${clock(t.finishedAt)}` : undefined,
        `${h.status.restartCount} restarts`,
      ];
      return parts.filter(Boolean).join(', ');
    }),
    ...hits
      .map(h => h.status.lastState.terminated?.message)
      .filter((m): m is string => Boolean(m))
      .map(m => `termination message: ${m}`),
    ...events.map(eventEvidence),
  ]);

  const liveness =
    exitCode === 137 || exitCode === 143
      ? ' If Warning events say "Liveness probe failed", the kubelet is killing a container that is too slow to answer its liveness probe.'
      : '';
  return [
    {
      events,
      problem: {
        kind: 'crash-loop',
        severity: 'error',
        title: `${podsAre(pods.length, input.pods.length)} crash-looping${
          how ? ` (${how})` : ''
        }`,
        explanation:
          `The ${container} starts and then exits; Kubernetes restarts it with a growing delay (up to 5 minutes), ` +
          `${restarts} times so far. While it crash-loops the pod serves no traffic. ${describeExitCode(
            exitCode,
          )}`,
        checkFirst:
          `The logs of the run that crashed: \`kubectl logs -n ${namespace} ${example.pod.metadata.name} -c ${example.status.name} --previous\`. ` +
          `The last lines before the exit usually name the cause: a missing environment variable or secret, a database or downstream that refuses the connection, an unhandled exception. ` +
          `If this started with a rollout, compare with the previous version's configuration.${liveness}`,
        pods: pods.map(p => p.metadata.name),
        evidence,
      },
    },
  ];
}
