/*
 * What every explanation reads and returns. Explanations are pure: the cache's objects and the
 * current time in, problems out.
 */
import { WorkloadProblem } from '@internal/plugin-deployments-common';
import {
  SlimDeployment,
  SlimEvent,
  SlimHorizontalPodAutoscaler,
  SlimPod,
} from '../cache/objects';

export interface ExplainInput {
  deployment: SlimDeployment;
  /** The Deployment's pods, across its ReplicaSets. */
  pods: SlimPod[];
  hpa?: SlimHorizontalPodAutoscaler;
  /** Recent Warning events about the Deployment, its ReplicaSets, Pods and HPA. */
  events: SlimEvent[];
  now: Date;
}

/** A problem and the Warning events it already quotes (so they are not explained twice). */
export interface Explanation {
  problem: WorkloadProblem;
  events: SlimEvent[];
}
