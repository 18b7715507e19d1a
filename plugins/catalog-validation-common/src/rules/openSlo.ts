import {
  checkOpenSloDocuments,
  OPENSLO_RULES,
  OpenSloRule,
} from '@internal/plugin-telemetry-common';
import type { ValidatedEntity, Violation } from '../types';
import type { ParsedDocument } from '../yaml/parseDocuments';
import type { RuleDefinition } from './types';

const DOCS = 'docs/telemetry.md, "SLO files"';

/**
 * What each OpenSLO rule checks and how to fix what it finds. The checks themselves are
 * telemetry-common's (`checkOpenSloDocuments`), the ones the portal runs when it reads a
 * service's `strata.dev/slo-file`, so the CLI, the endpoint and the SLO card agree.
 */
const OPENSLO_RULE_TEXT: Record<
  OpenSloRule,
  { description: string; hint: string }
> = {
  [OPENSLO_RULES.yamlSyntax]: {
    description: 'An SLO file parses as YAML.',
    hint: 'Fix the YAML syntax at this position.',
  },
  [OPENSLO_RULES.notOpenSlo]: {
    description:
      'An OpenSLO document has apiVersion openslo/v1, the version Strata reads.',
    hint: 'Write apiVersion: openslo/v1 (keep catalog entities and SLOs in separate documents).',
  },
  [OPENSLO_RULES.unknownKind]: {
    description:
      'An OpenSLO document has a kind OpenSLO v1 defines (SLO, SLI, DataSource, Service, AlertPolicy, AlertCondition, AlertNotificationTarget).',
    hint: 'Use kind: SLO for objectives and kind: SLI for indicators you reference by name.',
  },
  [OPENSLO_RULES.requiredField]: {
    description:
      'An SLO has metadata.name, spec.budgetingMethod, an indicator (inline or indicatorRef), objectives, and each metric source its filter.',
    hint: `Add the missing field; see ${DOCS}.`,
  },
  [OPENSLO_RULES.invalidName]: {
    description:
      'OpenSLO names are RFC 1123 labels: at most 63 lower-case letters, digits and -.',
    hint: 'Rename it, e.g. billing-availability.',
  },
  [OPENSLO_RULES.duplicateName]: {
    description: 'Two SLOs, or two SLIs, of one file have different names.',
    hint: 'Rename one of them: the SLO card and indicatorRef tell them apart by name.',
  },
  [OPENSLO_RULES.unknownIndicator]: {
    description: 'indicatorRef names a kind: SLI document of the same file.',
    hint: 'Add the SLI document to this file, fix the name, or define the indicator inline.',
  },
  [OPENSLO_RULES.invalidTarget]: {
    description:
      'Each objective has target (0 < target < 1) or targetPercent (0 < p < 100), not both.',
    hint: 'Write the share of good requests as a fraction, e.g. target: 0.999 for 99.9%.',
  },
  [OPENSLO_RULES.invalidDuration]: {
    description:
      'Durations are OpenSLO shorthands: a positive whole number and m, h, d, w, M, Q or Y.',
    hint: 'Write e.g. 28d, 4w or 1M.',
  },
  [OPENSLO_RULES.invalidTimeWindow]: {
    description:
      'An SLO has exactly one time window: rolling (isRolling: true, m/h/d/w) or calendar (calendar.startTime and an IANA calendar.timeZone).',
    hint: 'Write "timeWindow: [{duration: 28d, isRolling: true}]", or a calendar window with startTime and timeZone.',
  },
  [OPENSLO_RULES.unsupportedBudgetingMethod]: {
    description:
      'budgetingMethod is Occurrences (good requests ÷ all requests); Timeslices and RatioTimeslices are not supported yet.',
    hint: 'Use budgetingMethod: Occurrences.',
  },
  [OPENSLO_RULES.unsupportedMetricSource]: {
    description:
      'Metric sources are type OpenTelemetry over http.server.request.duration (server spans), with aggregation count for ratios and a percentile for thresholds.',
    hint: `Strata counts server spans; see ${DOCS} for the supported metric sources.`,
  },
  [OPENSLO_RULES.unsupportedFilter]: {
    description:
      'Filters use the small grammar Strata can evaluate: service.name, span.name (or http.request.method with http.route), http.response.status_code < 500 / >= 500, joined with AND.',
    hint: `Rewrite the filter in the supported grammar; see ${DOCS}, "Filter grammar".`,
  },
  [OPENSLO_RULES.invalidObjective]: {
    description:
      'A latency objective keeps requests at or under a positive threshold (op: lte, value in the metric unit); one objective per threshold metric; no composite SLOs.',
    hint: 'Write op: lte and value: 0.3 (seconds) with target: 0.95 for "95% under 300 ms".',
  },
  [OPENSLO_RULES.unreadableFile]: {
    description: 'The file strata.dev/slo-file names exists and can be read.',
    hint: 'Add the SLO file next to the catalog file, or fix the annotation (a path relative to the catalog file).',
  },
};

/** The OpenSLO rules, for documentation and reports. */
export const openSloRules: RuleDefinition[] = Object.entries(
  OPENSLO_RULE_TEXT,
).map(([id, { description }]) => ({
  id: id as OpenSloRule,
  severity: 'error',
  description,
}));

/**
 * Whether a document is meant as OpenSLO (its apiVersion starts with `openslo/`): it is checked
 * with the OpenSLO rules instead of the catalog's, so an `openslo/v1alpha` document is told to
 * use `openslo/v1` rather than that it is an unknown catalog kind.
 */
export function isOpenSloLike(value: unknown): boolean {
  const apiVersion = (value as { apiVersion?: unknown } | null)?.apiVersion;
  return typeof apiVersion === 'string' && apiVersion.startsWith('openslo/');
}

/** A violation of an OpenSLO rule, with its hint. */
export function openSloViolation(problem: {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}): Violation {
  const rule = problem.rule as OpenSloRule;
  return {
    file: problem.file,
    line: problem.line,
    column: problem.column,
    rule,
    severity: 'error',
    message: problem.message,
    hint: OPENSLO_RULE_TEXT[rule]?.hint ?? `See ${DOCS}.`,
  };
}

/** The OpenSLO documents of one file, checked together (indicatorRef resolves within the file). */
export function checkOpenSloFile(
  file: string,
  documents: ParsedDocument[],
): Violation[] {
  if (documents.length === 0) return [];
  return checkOpenSloDocuments(
    file,
    documents.map(d => ({ value: d.value, position: d.locator.position })),
  ).problems.map(openSloViolation);
}

/**
 * The `unreadable-file` violation of an entity whose `strata.dev/slo-file` names a file that
 * does not exist, at the annotation (for callers that look files up, like the CLI).
 */
export function missingSloFileViolation(
  entity: ValidatedEntity & {
    sloFile: NonNullable<ValidatedEntity['sloFile']>;
  },
  shownPath: string,
): Violation {
  return {
    ...openSloViolation({
      file: entity.file,
      line: entity.sloFile.line,
      column: entity.sloFile.column,
      rule: OPENSLO_RULES.unreadableFile,
      message: `strata.dev/slo-file names ${shownPath}, which does not exist`,
    }),
    entityRef: entity.ref,
  };
}
