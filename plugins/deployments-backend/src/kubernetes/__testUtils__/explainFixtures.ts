/* Explanation inputs built from the fake's realistic objects, projected as the cache stores them. */
import {
  slimDeployment,
  slimEvent,
  slimHorizontalPodAutoscaler,
  slimPod,
} from '../cache/slim';
import { ExplainInput } from '../explain/types';
import { DeploymentOptions, WorkloadSpec, deployment } from './fakeKubernetes';

export const NOW = new Date('2026-03-02T03:12:00Z');

export const billing: WorkloadSpec = {
  name: 'billing',
  namespace: 'payments',
  image: 'registry.example.com/payments/billing:1.4.3',
  revision: 4,
  replicas: 3,
};

export function explainInput(parts: {
  pods?: Record<string, any>[];
  events?: Record<string, any>[];
  hpa?: Record<string, any>;
  deployment?: DeploymentOptions;
  workload?: WorkloadSpec;
}): ExplainInput {
  const w = parts.workload ?? billing;
  return {
    deployment: slimDeployment(
      deployment(w, { now: NOW, ...parts.deployment }),
    ),
    pods: (parts.pods ?? []).map(slimPod),
    events: (parts.events ?? []).map(slimEvent),
    hpa: parts.hpa ? slimHorizontalPodAutoscaler(parts.hpa) : undefined,
    now: NOW,
  };
}
