import { indexFor } from './graph/CatalogIndex';
import type { RuleContext } from './rules/context';
import { allRules } from './rules';
import {
  DEFAULT_GOVERNANCE_OPTIONS,
  Finding,
  GovernanceInput,
  RULE_IDS,
} from './types';

/** Code-unit order, the same on every machine (localeCompare is not). */
function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

const ruleOrder = new Map<string, number>(RULE_IDS.map((id, i) => [id, i]));

/**
 * Every architecture finding over the whole catalog (every namespace), with telemetry and
 * deployments data when given: one finding per place a rule breaks, sorted by rule (in
 * {@link RULE_IDS} order) and key. Pure and deterministic; near-linear in entities, relations,
 * edges and workloads (the catalog is indexed once). A key is one finding: should a rule (or
 * two) produce the same key twice, the first stays, since waivers and history count by key.
 */
export function evaluateFindings(input: GovernanceInput): Finding[] {
  const context: RuleContext = {
    input,
    options: { ...DEFAULT_GOVERNANCE_OPTIONS, ...input.options },
    index: indexFor(input.entities),
  };
  const byKey = new Map<string, Finding>();
  for (const finding of allRules.flatMap(rule => rule(context))) {
    if (!byKey.has(finding.key)) byKey.set(finding.key, finding);
  }
  return [...byKey.values()].sort(
    (a, b) =>
      ruleOrder.get(a.rule)! - ruleOrder.get(b.rule)! ||
      compareStrings(a.key, b.key),
  );
}
