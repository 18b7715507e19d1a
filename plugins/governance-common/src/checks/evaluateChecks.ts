import type { Entity } from '@backstage/catalog-model';
import { specOf } from '@internal/plugin-service-model-common';
import { indexFor, refOf } from '../graph/CatalogIndex';
import {
  DEFAULT_GOVERNANCE_OPTIONS,
  Finding,
  GovernanceInput,
} from '../types';
import { evaluateCondition } from './conditions';
import { FactSource } from './facts';
import type {
  CheckAppliesTo,
  CheckDefinition,
  CheckInputsMissing,
  CheckResult,
} from './types';

function listOf<T>(value: T | T[] | undefined): T[] | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value : [value];
}

/** Whether a check's `appliesTo` selects the entity (every given field matches one of its values). */
export function appliesTo(selector: CheckAppliesTo, entity: Entity): boolean {
  const spec = specOf(entity);
  const kinds = listOf(selector.kind)?.map(k => k.toLowerCase());
  if (kinds && !kinds.includes(entity.kind.toLowerCase())) return false;
  const types = listOf(selector.type);
  if (types && !types.includes(spec.type as string)) return false;
  const tiers = listOf(selector.tier);
  if (tiers && !tiers.includes(spec.tier as number)) return false;
  const lifecycles = listOf(selector.lifecycle);
  if (lifecycles && !lifecycles.includes(spec.lifecycle as string)) return false;
  return true;
}

/**
 * Runs each check on every entity it applies to, with the evidence of what was found.
 * `findings` are the ones that count for `noFindings` conditions: pass the unwaived ones, or
 * undefined when they are not known (then those conditions are unknown, `missing.findings`
 * saying why). `missing` words why telemetry or workloads are absent when it is not because
 * their plugin is not installed. Results are sorted by entity ref, then check id. Linear in
 * entities × checks.
 */
export function evaluateChecks(
  input: GovernanceInput,
  checks: CheckDefinition[],
  findings: Finding[] | undefined,
  missing: CheckInputsMissing = {},
): CheckResult[] {
  const options = { ...DEFAULT_GOVERNANCE_OPTIONS, ...input.options };
  const index = indexFor(input.entities);
  const facts = new FactSource(index, input, options, findings, missing);
  const sortedChecks = [...checks].sort((a, b) => (a.id < b.id ? -1 : 1));
  const entities = [...index.entities()]
    .map(entity => ({ entity, ref: refOf(entity) }))
    .sort((a, b) => (a.ref < b.ref ? -1 : 1));
  const results: CheckResult[] = [];
  for (const { entity, ref } of entities) {
    for (const check of sortedChecks) {
      if (!appliesTo(check.appliesTo, entity)) continue;
      const outcome = evaluateCondition(check.condition, entity, facts);
      results.push({
        checkId: check.id,
        entityRef: ref,
        passed: outcome.passed,
        evidence: outcome.evidence,
        ...(outcome.unknown ? { unknown: true } : {}),
      });
    }
  }
  return results;
}
