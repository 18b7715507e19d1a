import type { Rule } from './context';
import { observabilityRule } from './observability';
import { personalDataRule } from './personalData';
import { sharedDatabaseRule } from './sharedDatabase';
import { syncChainDepthRule, syncCycleRule } from './syncCalls';
import { staleDeclarationRule, undeclaredDependencyRule } from './telemetry';
import { topicRules } from './topics';
import { workloadRules } from './workloads';

/** Every rule function; each returns the findings of one or more rule ids. */
export const allRules: Rule[] = [
  sharedDatabaseRule,
  syncChainDepthRule,
  syncCycleRule,
  topicRules,
  personalDataRule,
  undeclaredDependencyRule,
  staleDeclarationRule,
  observabilityRule,
  workloadRules,
];
