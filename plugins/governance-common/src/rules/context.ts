import { CatalogIndex, refOf } from '../graph/CatalogIndex';
import type {
  Finding,
  GovernanceInput,
  GovernanceOptions,
  RuleId,
} from '../types';
import { governanceRules } from './metadata';

/** What every rule reads: the input, its options with defaults applied, and the catalog index. */
export interface RuleContext {
  input: GovernanceInput;
  options: GovernanceOptions;
  index: CatalogIndex;
}

/** A rule: every place it breaks, in any order (evaluateFindings sorts). */
export type Rule = (context: RuleContext) => Finding[];

/** What a rule says about one finding; the rest comes from the index and the rule metadata. */
export interface FindingParts {
  /**
   * The refs (or other names) that identify the finding. Sorted for the key unless `ordered`
   * (chains and cycles, whose order is their meaning).
   */
  keyParts: string[];
  ordered?: boolean;
  /** Every entity involved, most relevant first; refs not in the catalog are kept as given. */
  entityRefs: string[];
  message: string;
  fix: string;
}

const uniqueSorted = (values: Iterable<string | undefined>) =>
  [...new Set([...values].filter((v): v is string => Boolean(v)))].sort();

/** A finding with its key, severity, why, owners, systems and namespaces filled in. */
export function makeFinding(
  context: RuleContext,
  rule: RuleId,
  parts: FindingParts,
): Finding {
  const { index } = context;
  const entityRefs = [...new Set(parts.entityRefs)];
  const known = entityRefs.filter(ref => index.entity(ref));
  const keyParts = parts.ordered ? parts.keyParts : [...parts.keyParts].sort();
  return {
    rule,
    key: `${rule}:${keyParts.join(parts.ordered ? '>' : ',')}`,
    severity: governanceRules[rule].severity,
    entityRefs,
    message: parts.message,
    why: governanceRules[rule].why,
    fix: parts.fix,
    owners: uniqueSorted(known.map(ref => index.ownerOf(ref))),
    systems: uniqueSorted(known.map(ref => index.systemOf(ref))),
    namespaces: uniqueSorted(
      known.map(ref => index.entity(ref)!.metadata.namespace ?? 'default'),
    ),
  };
}

export { refOf };
