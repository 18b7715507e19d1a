/*
 * An autoscaler pinned at its maximum: the HPA wants as many replicas as it may have or more
 * (its ScalingLimited condition says TooManyReplicas), so more load is no longer absorbed by
 * scaling out. An HPA whose minimum equals its maximum never scales and is not a problem.
 */
import { ExplainInput, Explanation } from './types';

export function explainHpaAtMax(input: ExplainInput): Explanation[] {
  const hpa = input.hpa;
  if (!hpa) return [];
  const { minReplicas, maxReplicas } = hpa.spec;
  if (maxReplicas <= 0 || minReplicas >= maxReplicas) return [];
  const limited = hpa.status.conditions.find(
    c =>
      c.type === 'ScalingLimited' &&
      c.status === 'True' &&
      c.reason === 'TooManyReplicas',
  );
  const atMax =
    hpa.status.currentReplicas >= maxReplicas &&
    hpa.status.desiredReplicas >= maxReplicas;
  if (!atMax && !limited) return [];

  return [
    {
      events: [],
      problem: {
        kind: 'hpa-at-max',
        severity: 'warning',
        title: `The autoscaler ${hpa.metadata.name} is pinned at its maximum of ${maxReplicas} replicas`,
        explanation:
          `The HorizontalPodAutoscaler would add replicas but may not go above ${maxReplicas}. ` +
          'Load beyond what these replicas handle is not absorbed any more: latency and errors rise with traffic.',
        checkFirst:
          'Whether the load is real (traffic dashboards) or each pod got slower (a slow dependency, a costlier version) so the metric climbs; ' +
          'then raise maxReplicas if the cluster has room, or fix the slowdown.',
        pods: [],
        evidence: [
          `${hpa.metadata.name}: current ${hpa.status.currentReplicas}, desired ${hpa.status.desiredReplicas}, min ${minReplicas}, max ${maxReplicas}`,
          ...(limited
            ? [
                `ScalingLimited=True, reason TooManyReplicas${
                  limited.message ? `: ${limited.message}` : ''
                }`,
              ]
            : []),
        ],
      },
    },
  ];
}
