/**
 * The rule ids of OpenSLO file problems (`SloFileProblem.rule`). The catalog validator reports
 * them under the same ids, so a problem reads the same in the SLO card, the CLI and the
 * `/validate` endpoint.
 */
export const OPENSLO_RULES = {
  /** The YAML itself does not parse. */
  yamlSyntax: 'openslo/yaml-syntax',
  /** A document that is not an `openslo/v1` mapping. */
  notOpenSlo: 'openslo/not-openslo',
  /** A `kind` OpenSLO v1 does not define. */
  unknownKind: 'openslo/unknown-kind',
  /** A required field is missing or has the wrong type. */
  requiredField: 'openslo/required-field',
  /** `metadata.name` is not an RFC 1123 label. */
  invalidName: 'openslo/invalid-name',
  /** Two SLOs (or two SLIs) of one file share a name. */
  duplicateName: 'openslo/duplicate-name',
  /** `indicatorRef` names no `kind: SLI` document of the file. */
  unknownIndicator: 'openslo/unknown-indicator',
  /** `target` outside (0, 1), `targetPercent` outside (0, 100), or both/neither given. */
  invalidTarget: 'openslo/invalid-target',
  /** A duration shorthand that is not `<positive integer><m|h|d|w|M|Q|Y>`. */
  invalidDuration: 'openslo/invalid-duration',
  /** A time window Strata cannot evaluate (none, several, a bad calendar). */
  invalidTimeWindow: 'openslo/invalid-time-window',
  /** `budgetingMethod` other than `Occurrences`. */
  unsupportedBudgetingMethod: 'openslo/unsupported-budgeting-method',
  /** A metric source Strata cannot evaluate (type, metric, aggregation, `raw` ratios). */
  unsupportedMetricSource: 'openslo/unsupported-metric-source',
  /** A `filter` outside the grammar docs/telemetry.md describes. */
  unsupportedFilter: 'openslo/unsupported-filter',
  /** An objective's `op`/`value` that does not make a latency objective. */
  invalidObjective: 'openslo/invalid-objective',
  /** The file `strata.dev/slo-file` names cannot be read (missing, refused, too large). */
  unreadableFile: 'openslo/unreadable-file',
} as const;

export type OpenSloRule = (typeof OPENSLO_RULES)[keyof typeof OPENSLO_RULES];
