import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { DEFAULT_CHECKS, DEFAULT_LEVELS } from '../checks/defaults';
import { validateFact } from '../checks/facts';
import {
  CheckAppliesTo,
  CheckDefinition,
  Condition,
  CONDITION_OPS,
  GovernanceConfig,
  LevelDefinition,
} from '../checks/types';
import {
  DEFAULT_GOVERNANCE_OPTIONS,
  GovernanceOptions,
  RULE_IDS,
  RuleId,
} from '../types';

type Json = Record<string, unknown>;

const fail = (key: string, problem: string): never => {
  throw new InputError(`${key}: ${problem}`);
};

const show = (value: unknown) => JSON.stringify(value) ?? String(value);

function object(value: unknown, key: string): Json {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    fail(key, `must be an object, got ${show(value)}`);
  }
  return value as Json;
}

function list(value: unknown, key: string): unknown[] {
  if (!Array.isArray(value)) fail(key, `must be a list, got ${show(value)}`);
  return value as unknown[];
}

function text(value: unknown, key: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    fail(key, `must be a non-empty string, got ${show(value)}`);
  }
  return value as string;
}

function onlyKeys(value: Json, allowed: string[], key: string) {
  const unknown = Object.keys(value).filter(k => !allowed.includes(k));
  if (unknown.length > 0) {
    fail(`${key}.${unknown[0]}`, `is not a known key (expected ${allowed.join(', ')})`);
  }
}

const SCALAR_OPS = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'];
const LIST_OPS = ['in', 'notIn'];
const VALUELESS_OPS = ['exists', 'absent', 'truthy'];

function scalar(value: unknown, key: string) {
  if (!['string', 'number', 'boolean'].includes(typeof value)) {
    fail(key, `must be a string, number or boolean, got ${show(value)}`);
  }
}

/** Validates one condition of the condition language (see {@link Condition}). */
export function parseCondition(value: unknown, key: string): Condition {
  const raw = object(value, key);
  if ('all' in raw || 'any' in raw) {
    const op = 'all' in raw ? 'all' : 'any';
    onlyKeys(raw, [op], key);
    const parts = list(raw[op], `${key}.${op}`);
    if (parts.length === 0) fail(`${key}.${op}`, 'must list at least one condition');
    const conditions = parts.map((c, i) => parseCondition(c, `${key}.${op}[${i}]`));
    return op === 'all' ? { all: conditions } : { any: conditions };
  }
  if ('not' in raw) {
    onlyKeys(raw, ['not'], key);
    return { not: parseCondition(raw.not, `${key}.not`) };
  }
  if ('noFindings' in raw) {
    onlyKeys(raw, ['noFindings'], key);
    const rules = list(raw.noFindings, `${key}.noFindings`);
    rules.forEach((rule, i) => {
      if (!(RULE_IDS as readonly unknown[]).includes(rule)) {
        fail(`${key}.noFindings[${i}]`, `${show(rule)} is not a rule id (expected one of ${RULE_IDS.join(', ')})`);
      }
    });
    return { noFindings: rules as RuleId[] };
  }
  if (!('fact' in raw)) {
    fail(key, 'must have fact and op, or one of all, any, not, noFindings');
  }
  const fact = text(raw.fact, `${key}.fact`);
  try {
    validateFact(fact);
  } catch (error) {
    fail(`${key}.fact`, (error as Error).message);
  }
  const op = raw.op;
  if (!(CONDITION_OPS as readonly unknown[]).includes(op)) {
    fail(`${key}.op`, `must be one of ${CONDITION_OPS.join(', ')}, got ${show(op)}`);
  }
  if (VALUELESS_OPS.includes(op as string)) {
    onlyKeys(raw, ['fact', 'op'], key);
    return { fact, op } as Condition;
  }
  onlyKeys(raw, ['fact', 'op', 'value'], key);
  const valueKey = `${key}.value`;
  if (!('value' in raw)) fail(valueKey, `is required with op ${op}`);
  if (LIST_OPS.includes(op as string)) {
    list(raw.value, valueKey).forEach((v, i) => scalar(v, `${valueKey}[${i}]`));
  } else if (op === 'matches') {
    const pattern = text(raw.value, valueKey);
    try {
      // eslint-disable-next-line no-new
      new RegExp(pattern, 'i');
    } catch (error) {
      fail(valueKey, `is not a regular expression: ${(error as Error).message}`);
    }
  } else {
    scalar(raw.value, valueKey);
    if (SCALAR_OPS.slice(2).includes(op as string) && typeof raw.value !== 'number') {
      fail(valueKey, `must be a number with op ${op}, got ${show(raw.value)}`);
    }
  }
  return { fact, op, value: raw.value } as Condition;
}

function stringOrList(value: unknown, key: string): string | string[] | undefined {
  if (value === undefined) return undefined;
  if (Array.isArray(value)) return value.map((v, i) => text(v, `${key}[${i}]`));
  return text(value, key);
}

function parseAppliesTo(value: unknown, key: string): CheckAppliesTo {
  if (value === undefined) return {};
  const raw = object(value, key);
  onlyKeys(raw, ['kind', 'type', 'tier', 'lifecycle'], key);
  const tierOf = (v: unknown, k: string) => {
    if (typeof v !== 'number' || !Number.isInteger(v)) fail(k, `must be an integer tier, got ${show(v)}`);
    return v as number;
  };
  let tier: number | number[] | undefined;
  if (Array.isArray(raw.tier)) tier = raw.tier.map((v, i) => tierOf(v, `${key}.tier[${i}]`));
  else if (raw.tier !== undefined) tier = tierOf(raw.tier, `${key}.tier`);
  const selector: CheckAppliesTo = {
    kind: stringOrList(raw.kind, `${key}.kind`),
    type: stringOrList(raw.type, `${key}.type`),
    tier,
    lifecycle: stringOrList(raw.lifecycle, `${key}.lifecycle`),
  };
  return Object.fromEntries(
    Object.entries(selector).filter(([, v]) => v !== undefined),
  ) as CheckAppliesTo;
}

/** Validates checks given as plain JSON (from config or an API body); `key` prefixes error paths. */
export function parseChecks(value: unknown, key = 'governance.checks'): CheckDefinition[] {
  const seen = new Set<string>();
  return list(value, key).map((item, i) => {
    const at = `${key}[${i}]`;
    const raw = object(item, at);
    onlyKeys(raw, ['id', 'title', 'description', 'rationale', 'fix', 'appliesTo', 'condition'], at);
    const id = text(raw.id, `${at}.id`);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
      fail(`${at}.id`, `must be lower-case letters, digits and hyphens, got ${show(id)}`);
    }
    if (seen.has(id)) fail(`${at}.id`, `${show(id)} is used by an earlier check`);
    seen.add(id);
    return {
      id,
      title: text(raw.title, `${at}.title`),
      description: text(raw.description, `${at}.description`),
      rationale: text(raw.rationale, `${at}.rationale`),
      fix: text(raw.fix, `${at}.fix`),
      appliesTo: parseAppliesTo(raw.appliesTo, `${at}.appliesTo`),
      condition: parseCondition(raw.condition, `${at}.condition`),
    };
  });
}

/** Validates levels given as plain JSON; every check id they name must be in `checks`. */
export function parseLevels(
  value: unknown,
  checks: CheckDefinition[],
  key = 'governance.levels',
): LevelDefinition[] {
  const checkIds = new Set(checks.map(c => c.id));
  const seen = new Set<string>();
  return list(value, key).map((item, i) => {
    const at = `${key}[${i}]`;
    const raw = object(item, at);
    onlyKeys(raw, ['id', 'title', 'checks'], at);
    const id = text(raw.id, `${at}.id`);
    if (seen.has(id)) fail(`${at}.id`, `${show(id)} is used by an earlier level`);
    seen.add(id);
    const levelChecks = list(raw.checks, `${at}.checks`).map((c, j) => {
      const checkId = text(c, `${at}.checks[${j}]`);
      if (!checkIds.has(checkId)) {
        fail(`${at}.checks[${j}]`, `${show(checkId)} is not a check id (known: ${[...checkIds].join(', ')})`);
      }
      return checkId;
    });
    return { id, title: text(raw.title, `${at}.title`), checks: levelChecks };
  });
}

function parseOptions(value: unknown, key: string): GovernanceOptions {
  if (value === undefined) return { ...DEFAULT_GOVERNANCE_OPTIONS };
  const raw = object(value, key);
  onlyKeys(raw, Object.keys(DEFAULT_GOVERNANCE_OPTIONS), key);
  const strings = (k: keyof GovernanceOptions) =>
    raw[k] === undefined
      ? (DEFAULT_GOVERNANCE_OPTIONS[k] as string[])
      : list(raw[k], `${key}.${k}`).map((v, i) => text(v, `${key}.${k}[${i}]`));
  const depth = raw.maxSyncDepth ?? DEFAULT_GOVERNANCE_OPTIONS.maxSyncDepth;
  if (typeof depth !== 'number' || !Number.isInteger(depth) || depth < 1) {
    fail(`${key}.maxSyncDepth`, `must be an integer of at least 1, got ${show(depth)}`);
  }
  return {
    userDeletionTopic:
      raw.userDeletionTopic === undefined
        ? DEFAULT_GOVERNANCE_OPTIONS.userDeletionTopic
        : text(raw.userDeletionTopic, `${key}.userDeletionTopic`),
    maxSyncDepth: depth as number,
    syncApiTypes: strings('syncApiTypes'),
    productionLifecycles: strings('productionLifecycles'),
    productionEnvironments: strings('productionEnvironments'),
  };
}

/**
 * Reads `governance.checks`, `governance.levels` and `governance.rules` from app-config; the
 * defaults ({@link DEFAULT_CHECKS}, {@link DEFAULT_LEVELS}, {@link DEFAULT_GOVERNANCE_OPTIONS})
 * where a key is absent. Configured levels may name default checks when no checks are
 * configured. Errors are InputErrors that name the key, e.g.
 * `governance.checks[2].condition.op: must be one of exists, absent, …`.
 */
export function readGovernanceConfig(config: Config): GovernanceConfig {
  const raw = config.getOptional('governance');
  const governance = raw === undefined ? {} : object(raw, 'governance');
  const checks =
    governance.checks === undefined
      ? DEFAULT_CHECKS
      : parseChecks(governance.checks, 'governance.checks');
  let levels: LevelDefinition[];
  if (governance.levels !== undefined) {
    levels = parseLevels(governance.levels, checks, 'governance.levels');
  } else {
    const known = new Set(checks.map(c => c.id));
    const missing = DEFAULT_LEVELS.flatMap(l => l.checks).filter(id => !known.has(id));
    if (missing.length > 0) {
      fail(
        'governance.levels',
        `must be set when governance.checks replaces the default checks: the default levels name checks that are not configured (${missing.join(', ')})`,
      );
    }
    levels = DEFAULT_LEVELS;
  }
  return { checks, levels, options: parseOptions(governance.rules, 'governance.rules') };
}
