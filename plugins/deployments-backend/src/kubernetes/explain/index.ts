/*
 * Every problem of one workload, errors first. Specific explanations run first and claim the
 * Warning events they quote; the events nobody claimed are explained on their own.
 */
import { WorkloadProblem } from '@internal/plugin-deployments-common';
import { SlimEvent } from '../cache/objects';
import { explainContainerConfig } from './containerConfig';
import { explainCrashLoop } from './crashLoop';
import { explainHpaAtMax } from './hpaAtMax';
import { explainImagePull } from './imagePull';
import { explainOomKilled } from './oomKilled';
import { explainReadiness } from './readiness';
import { explainRolloutStalled } from './rolloutStalled';
import { ExplainInput, Explanation } from './types';
import { explainUnschedulable } from './unschedulable';
import { explainWarningEvents } from './warningEvents';

export type { ExplainInput } from './types';

const SPECIFIC: Array<(input: ExplainInput) => Explanation[]> = [
  explainRolloutStalled,
  explainOomKilled,
  explainCrashLoop,
  explainImagePull,
  explainContainerConfig,
  explainUnschedulable,
  explainReadiness,
  explainHpaAtMax,
];

export function explainWorkload(input: ExplainInput): WorkloadProblem[] {
  const explanations = SPECIFIC.flatMap(explain => explain(input));
  const quoted = new Set<SlimEvent>(explanations.flatMap(e => e.events));
  explanations.push(...explainWarningEvents(input, quoted));
  const problems = explanations.map(e => e.problem);
  // Stable: errors before warnings, otherwise in the order above (most telling first).
  return [
    ...problems.filter(p => p.severity === 'error'),
    ...problems.filter(p => p.severity === 'warning'),
  ];
}
