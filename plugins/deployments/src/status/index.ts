export {
  clusterHasProblems,
  clustersProblemsFirst,
  problemsErrorsFirst,
  workloadsProblemsFirst,
} from './order';
export { ROLLOUT_STATE_LABELS, clusterStateWords, clusterTitle } from './words';
export type { ClusterStateWords } from './words';
