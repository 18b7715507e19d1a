import {
  child,
  isRecord,
  Located,
  pathText,
  ProblemCollector,
} from './context';
import type { ReadIndicator } from './indicator';
import { OPENSLO_RULES } from './rules';
import type { SloIndicator } from './types';

/** One objective, read: its target and the indicator it makes (latency gets its threshold). */
export interface ReadObjective {
  displayName?: string;
  target: number;
  indicator: SloIndicator;
}

/** `target` (0 < t < 1) or `targetPercent` (0 < p < 100), exactly one. */
function readTarget(
  objective: Located,
  problems: ProblemCollector,
): number | undefined {
  const target = child(objective, 'target');
  const percent = child(objective, 'targetPercent');
  if (target.value !== undefined && percent.value !== undefined) {
    problems.report(
      percent,
      OPENSLO_RULES.invalidTarget,
      'give target or targetPercent, not both',
      'key',
    );
    return undefined;
  }
  if (target.value === undefined && percent.value === undefined) {
    problems.report(
      target,
      OPENSLO_RULES.invalidTarget,
      `${pathText(
        objective.path,
      )} needs a target between 0 and 1 (e.g. target: 0.999) or a targetPercent (e.g. 99.9)`,
      'key',
    );
    return undefined;
  }
  if (target.value !== undefined) {
    const t = target.value;
    if (typeof t !== 'number' || !(t > 0 && t < 1)) {
      problems.report(
        target,
        OPENSLO_RULES.invalidTarget,
        `target ${JSON.stringify(
          t,
        )} is out of range: it must be a number greater than 0 and less than 1 (0.999 = 99.9%)`,
      );
      return undefined;
    }
    return t;
  }
  const p = percent.value;
  if (typeof p !== 'number' || !(p > 0 && p < 100)) {
    problems.report(
      percent,
      OPENSLO_RULES.invalidTarget,
      `targetPercent ${JSON.stringify(
        p,
      )} is out of range: it must be a number greater than 0 and less than 100`,
    );
    return undefined;
  }
  // 99.9 / 100 is 0.9990000000000001 in binary floating point; keep what was meant.
  return Number((p / 100).toPrecision(12));
}

/** A latency objective keeps requests at or under `value` (in the metric's unit). */
function readThreshold(
  objective: Located,
  unitMs: number | undefined,
  problems: ProblemCollector,
): number | undefined {
  const op = child(objective, 'op');
  const value = child(objective, 'value');
  let ok = true;
  if (op.value !== 'lte' && op.value !== 'lt') {
    problems.report(
      op,
      OPENSLO_RULES.invalidObjective,
      op.value === undefined
        ? `${pathText(
            op.path,
          )} is required for a threshold metric: lte (requests at or under value are good)`
        : `op "${String(
            op.value,
          )}" is not supported for latency: good requests are the fast ones, so use lte (or lt)`,
      op.value === undefined ? 'key' : 'value',
    );
    ok = false;
  }
  if (typeof value.value !== 'number' || !(value.value > 0)) {
    problems.report(
      value,
      OPENSLO_RULES.invalidObjective,
      value.value === undefined
        ? `${pathText(
            value.path,
          )} is required for a threshold metric: the latency threshold, e.g. 0.3 (seconds)`
        : `value ${JSON.stringify(
            value.value,
          )} must be a positive number (the latency threshold in the metric's unit)`,
      value.value === undefined ? 'key' : 'value',
    );
    ok = false;
  }
  if (!ok || unitMs === undefined) return undefined;
  // 0.3 s × 1000 must be 300 ms, not 300.00000000000006.
  return Number(((value.value as number) * unitMs).toPrecision(12));
}

/**
 * Reads `spec.objectives`: one or more for a ratio (one status each), exactly one for a
 * threshold metric (OpenSLO v1). Objectives with their own indicator (composite SLOs) are
 * refused.
 */
export function readObjectives(
  spec: Located,
  { shape, indicator }: ReadIndicator,
  problems: ProblemCollector,
): ReadObjective[] {
  const list = child(spec, 'objectives');
  if (!Array.isArray(list.value) || list.value.length === 0) {
    problems.report(
      list,
      OPENSLO_RULES.requiredField,
      `${pathText(
        list.path,
      )} is required: a list with at least one objective (e.g. "- target: 0.999")`,
      list.value === undefined ? 'key' : 'value',
    );
    return [];
  }
  if (shape === 'threshold' && list.value.length > 1) {
    problems.report(
      child(list, 1),
      OPENSLO_RULES.invalidObjective,
      'a threshold metric has exactly one objective (OpenSLO v1): write one SLO per threshold',
    );
    return [];
  }
  const read: ReadObjective[] = [];
  list.value.forEach((_item, index) => {
    const objective = child(list, index);
    if (!isRecord(objective.value)) {
      problems.report(
        objective,
        OPENSLO_RULES.requiredField,
        'an objective must be a mapping with a target',
      );
      return;
    }
    for (const composite of ['indicator', 'indicatorRef']) {
      if (child(objective, composite).value !== undefined) {
        problems.report(
          child(objective, composite),
          OPENSLO_RULES.invalidObjective,
          'composite SLOs (an indicator per objective) are not supported yet: write one SLO per indicator',
          'key',
        );
        return;
      }
    }
    const target = readTarget(objective, problems);
    const thresholdMs =
      shape === 'threshold'
        ? readThreshold(
            objective,
            indicator?.kind === 'latency' ? indicator.unitMs : undefined,
            problems,
          )
        : undefined;
    if (target === undefined || !indicator) return;
    if (indicator.kind === 'latency' && thresholdMs === undefined) return;
    const displayName = child(objective, 'displayName').value;
    const { serviceName, operation } = indicator;
    const base = { serviceName, ...(operation !== undefined && { operation }) };
    read.push({
      ...(typeof displayName === 'string' && { displayName }),
      target,
      indicator:
        indicator.kind === 'latency'
          ? {
              ...base,
              kind: 'latency',
              bad: 'slowerThan',
              thresholdMs: thresholdMs!,
            }
          : { ...base, kind: 'availability', bad: 'errors' },
    });
  });
  return read;
}
