import { child, isRecord, Located, ProblemCollector } from './context';
import { ReadIndicator, readIndicatorSpec } from './indicator';
import type { DataSourceTypes } from './metricSource';
import { readObjectives } from './objectives';
import { OPENSLO_RULES } from './rules';
import { readTimeWindow } from './timeWindow';
import type { OpenSloDocumentInput, OpenSloFile, SloDefinition } from './types';

/** The apiVersion of the documents Strata reads. */
export const OPENSLO_API_VERSION = 'openslo/v1';

/** The kinds OpenSLO v1 defines; Strata evaluates SLO (and the SLIs and DataSources they use). */
export const OPENSLO_KINDS = [
  'SLO',
  'SLI',
  'DataSource',
  'Service',
  'AlertPolicy',
  'AlertCondition',
  'AlertNotificationTarget',
] as const;

/** RFC 1123 label: what every OpenSLO implementation must accept as a name. */
const RFC_1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Whether a parsed YAML document is an OpenSLO v1 document (by its apiVersion). */
export function isOpenSloDocument(value: unknown): boolean {
  return isRecord(value) && value.apiVersion === OPENSLO_API_VERSION;
}

interface NamedDocument {
  at: Located;
  kind: string;
  name: string;
}

/** Reads the envelope (apiVersion, kind, metadata.name) of a document. */
function readEnvelope(
  doc: OpenSloDocumentInput,
  problems: ProblemCollector,
): NamedDocument | undefined {
  const at: Located = { doc, path: [], value: doc.value };
  if (!isOpenSloDocument(doc.value)) {
    problems.report(
      child(at, 'apiVersion'),
      OPENSLO_RULES.notOpenSlo,
      isRecord(doc.value)
        ? `apiVersion must be ${OPENSLO_API_VERSION} (found ${JSON.stringify(
            doc.value.apiVersion ?? null,
          )})`
        : `a document must be a mapping with apiVersion: ${OPENSLO_API_VERSION}`,
    );
    return undefined;
  }
  const kind = child(at, 'kind');
  if (!(OPENSLO_KINDS as readonly unknown[]).includes(kind.value)) {
    problems.report(
      kind,
      OPENSLO_RULES.unknownKind,
      kind.value === undefined
        ? 'kind is required (SLO, SLI, DataSource, …)'
        : `kind ${JSON.stringify(
            kind.value,
          )} is not an OpenSLO v1 kind (${OPENSLO_KINDS.join(', ')})`,
      kind.value === undefined ? 'key' : 'value',
    );
    return undefined;
  }
  const name = child(child(at, 'metadata'), 'name');
  if (typeof name.value !== 'string') {
    problems.report(
      name,
      OPENSLO_RULES.requiredField,
      'metadata.name is required (lower-case letters, digits and -, at most 63 characters)',
      'key',
    );
    return undefined;
  }
  if (!RFC_1123_LABEL.test(name.value)) {
    problems.report(
      name,
      OPENSLO_RULES.invalidName,
      `metadata.name "${name.value}" must be at most 63 lower-case letters, digits and -, starting and ending with a letter or digit`,
    );
  }
  return { at, kind: kind.value as string, name: name.value };
}

/** Reports a second document of the same kind and name. */
function indexByName(
  documents: NamedDocument[],
  kind: string,
  problems: ProblemCollector,
): Map<string, NamedDocument> {
  const byName = new Map<string, NamedDocument>();
  for (const d of documents.filter(x => x.kind === kind)) {
    const first = byName.get(d.name);
    if (first) {
      const { line } = first.at.doc.position(['metadata', 'name']);
      problems.report(
        child(child(d.at, 'metadata'), 'name'),
        OPENSLO_RULES.duplicateName,
        `another ${kind} named "${d.name}" is defined at line ${line}`,
      );
    } else {
      byName.set(d.name, d);
    }
  }
  return byName;
}

function budgetingMethodMessage(method: unknown): string {
  if (method === 'Timeslices' || method === 'RatioTimeslices') {
    return `budgetingMethod ${method} is not supported yet: Strata counts good and total requests (budgetingMethod: Occurrences)`;
  }
  if (method === undefined) {
    return 'spec.budgetingMethod is required: Occurrences (good requests ÷ all requests)';
  }
  return `budgetingMethod ${JSON.stringify(
    method,
  )} is not an OpenSLO method; use Occurrences`;
}

/** Reads one SLO document into its evaluable objectives. */
function readSlo(
  slo: NamedDocument,
  indicators: Map<string, ReadIndicator>,
  dataSources: DataSourceTypes,
  problems: ProblemCollector,
): SloDefinition[] {
  const spec = child(slo.at, 'spec');
  if (!isRecord(spec.value)) {
    problems.report(
      spec,
      OPENSLO_RULES.requiredField,
      'spec is required',
      'key',
    );
    return [];
  }
  const method = child(spec, 'budgetingMethod');
  let ok = true;
  if (method.value !== 'Occurrences') {
    problems.report(
      method,
      OPENSLO_RULES.unsupportedBudgetingMethod,
      budgetingMethodMessage(method.value),
      method.value === undefined ? 'key' : 'value',
    );
    ok = false;
  }

  const inline = child(spec, 'indicator');
  const ref = child(spec, 'indicatorRef');
  let indicator: ReadIndicator = {};
  if ((inline.value === undefined) === (ref.value === undefined)) {
    problems.report(
      spec,
      OPENSLO_RULES.requiredField,
      inline.value === undefined
        ? 'spec needs an indicator (inline) or an indicatorRef (the name of a kind: SLI document in this file)'
        : 'give spec.indicator or spec.indicatorRef, not both',
      'key',
    );
    ok = false;
  } else if (ref.value !== undefined) {
    if (typeof ref.value !== 'string' || !indicators.has(ref.value)) {
      problems.report(
        ref,
        OPENSLO_RULES.unknownIndicator,
        `indicatorRef ${JSON.stringify(
          ref.value,
        )} names no kind: SLI document in this file${
          indicators.size
            ? ` (SLIs here: ${[...indicators.keys()].join(', ')})`
            : ''
        }`,
      );
      ok = false;
    } else {
      // An SLI with problems was reported where it is defined.
      indicator = indicators.get(ref.value)!;
    }
  } else {
    indicator = readIndicatorSpec(child(inline, 'spec'), dataSources, problems);
  }
  const window = readTimeWindow(spec, problems);
  const objectives = readObjectives(spec, indicator, problems);
  if (!ok || !window || !indicator.indicator) return [];

  const { line, column } = slo.at.doc.position(['metadata', 'name']);
  const metadata = child(slo.at, 'metadata');
  const optional = (at: Located, key: string) => {
    const v = child(at, key).value;
    return typeof v === 'string' ? v : undefined;
  };
  const displayName = optional(metadata, 'displayName');
  const description = optional(spec, 'description');
  const service = optional(spec, 'service');
  return objectives.map(objective => ({
    name: slo.name,
    ...(displayName !== undefined && { displayName }),
    ...(description !== undefined && { description }),
    ...(service !== undefined && { service }),
    ...(objective.displayName !== undefined && {
      objective: objective.displayName,
    }),
    kind: objective.indicator.kind,
    target: objective.target,
    window,
    indicator: objective.indicator,
    line,
    column,
  }));
}

/**
 * Checks the documents of one OpenSLO file and reads the SLOs Strata can evaluate. Every
 * problem is located (file, line, column); SLOs without problems are returned even when others
 * in the file have some. Empty documents are skipped; SLIs are checked once, whether or not an
 * SLO references them; other OpenSLO kinds (Service, AlertPolicy, …) are accepted and not read.
 */
export function checkOpenSloDocuments(
  file: string,
  documents: OpenSloDocumentInput[],
): OpenSloFile {
  const problems = new ProblemCollector(file);
  const named = documents
    .filter(doc => doc.value !== null && doc.value !== undefined)
    .map(doc => readEnvelope(doc, problems))
    .filter((d): d is NamedDocument => d !== undefined);

  const dataSources: DataSourceTypes = new Map(
    [...indexByName(named, 'DataSource', problems)].map(([name, d]) => [
      name,
      child(child(d.at, 'spec'), 'type').value,
    ]),
  );
  const indicators = new Map<string, ReadIndicator>();
  for (const [name, sli] of indexByName(named, 'SLI', problems)) {
    indicators.set(
      name,
      readIndicatorSpec(child(sli.at, 'spec'), dataSources, problems),
    );
  }
  const slos = [...indexByName(named, 'SLO', problems).values()].flatMap(slo =>
    readSlo(slo, indicators, dataSources, problems),
  );
  problems.problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { file, slos, problems: problems.problems };
}
