import type { Entity } from '@backstage/catalog-model';
import { refOf } from '../graph/CatalogIndex';
import type { FactSource } from './facts';
import type { Condition, FactValue } from './types';

/** A condition's outcome on one entity, with what was found. */
export interface Outcome {
  passed: boolean;
  unknown: boolean;
  evidence: string;
}

const show = (value: unknown) =>
  value === undefined ? 'absent' : JSON.stringify(value);

const present = (value: unknown) =>
  value !== undefined &&
  value !== null &&
  value !== '' &&
  !(Array.isArray(value) && value.length === 0);

/** The values a comparison looks at: each item of a list, or the one value. */
const itemsOf = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : [value];

function compare(
  op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte',
  value: unknown,
  expected: FactValue,
): boolean {
  const items = itemsOf(value);
  switch (op) {
    case 'eq':
      return items.some(item => item === expected);
    case 'ne':
      return items.every(item => item !== expected);
    default: {
      const numbers = items.filter((i): i is number => typeof i === 'number');
      const limit = Number(expected);
      return numbers.some(n =>
        (op === 'gt' && n > limit) ||
        (op === 'gte' && n >= limit) ||
        (op === 'lt' && n < limit) ||
        (op === 'lte' && n <= limit),
      );
    }
  }
}

function factOutcome(
  condition: Extract<Condition, { fact: string }>,
  entity: Entity,
  facts: FactSource,
): Outcome {
  const result = facts.read(condition.fact, entity);
  if (!result.known) {
    return { passed: false, unknown: true, evidence: `unknown: ${result.reason}` };
  }
  const { value } = result;
  let passed: boolean;
  switch (condition.op) {
    case 'exists':
      passed = present(value);
      break;
    case 'absent':
      passed = !present(value);
      break;
    case 'truthy':
      passed = present(value) && Boolean(value);
      break;
    case 'in':
      passed = itemsOf(value).some(item => condition.value.includes(item as FactValue));
      break;
    case 'notIn':
      passed = itemsOf(value).every(item => !condition.value.includes(item as FactValue));
      break;
    case 'matches': {
      const pattern = new RegExp(condition.value, 'i');
      passed = itemsOf(value).some(item => item !== undefined && pattern.test(String(item)));
      break;
    }
    case 'includes':
      passed = Array.isArray(value) && value.includes(condition.value);
      break;
    case 'excludes':
      passed = !Array.isArray(value) || !value.includes(condition.value);
      break;
    default:
      passed = compare(condition.op, value, condition.value);
  }
  const expectation = 'value' in condition ? ` ${condition.op} ${JSON.stringify(condition.value)}` : ` ${condition.op}`;
  const note = result.note ? ` (${result.note})` : '';
  return {
    passed,
    unknown: false,
    evidence: `${condition.fact} = ${show(value)}${note}: ${passed ? 'meets' : 'fails'}${expectation}`,
  };
}

/** Evaluates a condition on an entity. Unknown facts make the result unknown, unless it is decided without them. */
export function evaluateCondition(
  condition: Condition,
  entity: Entity,
  facts: FactSource,
): Outcome {
  if ('fact' in condition) return factOutcome(condition, entity, facts);
  if ('noFindings' in condition) {
    if (facts.findingsUnknown) {
      return { passed: false, unknown: true, evidence: `unknown: ${facts.findingsUnknown}` };
    }
    const wanted = new Set<string>(condition.noFindings);
    const found = facts.findingsOf(refOf(entity)).filter(f => wanted.has(f.rule));
    return {
      passed: found.length === 0,
      unknown: false,
      evidence:
        found.length === 0
          ? `no ${condition.noFindings.join(', ')} finding involves it`
          : found.map(f => `${f.rule}: ${f.message}`).join('; '),
    };
  }
  if ('not' in condition) {
    const inner = evaluateCondition(condition.not, entity, facts);
    return {
      passed: !inner.unknown && !inner.passed,
      unknown: inner.unknown,
      evidence: `not (${inner.evidence})`,
    };
  }
  const all = 'all' in condition;
  const parts = (all ? condition.all : condition.any).map(c =>
    evaluateCondition(c, entity, facts),
  );
  const known = parts.filter(p => !p.unknown);
  // all: a known failure decides; any: a known success decides.
  const decided = all ? known.some(p => !p.passed) : known.some(p => p.passed);
  const unknown = !decided && known.length < parts.length;
  const passed = !unknown && (all ? !decided : decided);
  return {
    passed,
    unknown,
    evidence: parts.map(p => p.evidence).join(all ? '; ' : ' | '),
  };
}
