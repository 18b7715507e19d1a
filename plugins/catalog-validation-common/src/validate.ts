import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ANNOTATION_SLO_FILE } from '@internal/plugin-service-model-common';
import { collectEntityReferences } from './references';
import { entityRules, modelRules, schemaRules } from './rules';
import { substituteTextPlaceholders } from './model/placeholders';
import { checkDuplicateEntities } from './rules/duplicateEntity';
import { checkOpenSloFile, isOpenSloLike } from './rules/openSlo';
import { checkDocumentIsObject, notAnObjectRule } from './rules/notAnObject';
import { checkRequiredFields, requiredFieldRule } from './rules/requiredField';
import { checkEnvelopeSchema, schemaRule } from './rules/schema';
import { RuleContext, RuleDefinition, RuleFinding } from './rules/types';
import { checkYamlSyntax, yamlSyntaxRule } from './rules/yamlSyntax';
import {
  aliasExpansionFinding,
  checkParseLimits,
  ParseLimitFinding,
  parseLimitRule,
} from './rules/parseLimit';
import {
  CatalogFileInput,
  CatalogValidationResult,
  FileValidationResult,
  ValidatedEntity,
  Violation,
} from './types';
import { ParseLimits, parseLimits } from './yaml/limits';
import { parseDocumentsLazily, ParsedDocument } from './yaml/parseDocuments';

/** How a caller may tune validation. */
export type ValidationOptions = {
  /** Overrides of {@link DEFAULT_PARSE_LIMITS}; the defaults suit every caller. */
  limits?: Partial<ParseLimits>;
  /**
   * Strict mode of Strata's service model (docs/catalog-model.md): a recommended field that is
   * missing (a service's tier, a database's engine…) is an error instead of a warning.
   */
  strict?: boolean;
};

/**
 * Work split into steps: the generator yields between documents, where an
 * asynchronous caller may let other work run.
 */
type Steps<T> = Generator<void, T, undefined>;

function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) {
      return step.value;
    }
  }
}

function byPosition(a: Violation, b: Violation): number {
  return a.line - b.line || a.column - b.column;
}

/** Validates one document; returns its entity when it could be identified. */
function validateDocument(
  file: string,
  parsed: ParsedDocument,
  violations: Violation[],
  context: RuleContext,
): ValidatedEntity | undefined {
  const { locator, value } = parsed;
  const report = (
    rule: RuleDefinition,
    findings: RuleFinding[],
    entityRef?: string,
  ) => {
    for (const finding of findings) {
      violations.push({
        file,
        ...locator.position(finding.path, finding.part),
        rule: rule.id,
        severity: finding.severity ?? rule.severity,
        message: finding.message,
        hint: finding.hint,
        ...(entityRef && { entityRef }),
      });
    }
    return findings.length > 0;
  };

  // The catalog's order: the document must be a mapping with a valid
  // envelope before anything else can be checked.
  if (
    report(notAnObjectRule, checkDocumentIsObject(value)) ||
    report(requiredFieldRule, checkRequiredFields(value as object)) ||
    report(schemaRule, checkEnvelopeSchema(value as object))
  ) {
    return undefined;
  }

  // The catalog resolves `$text` placeholders before its schema checks.
  const entity = substituteTextPlaceholders(value) as Entity;
  const ref = stringifyEntityRef(entity);
  const sloFile = entity.metadata.annotations?.[ANNOTATION_SLO_FILE];
  const before = violations.length;
  let schemaFailed = false;
  for (const rule of entityRules) {
    const findings = rule.check(entity);
    report(rule, findings, ref);
    schemaFailed ||=
      schemaRules.includes(rule) &&
      findings.some(f => (f.severity ?? rule.severity) === 'error');
  }
  if (!schemaFailed) {
    for (const rule of modelRules) {
      report(rule, rule.check(entity, context), ref);
    }
  }
  return {
    file,
    ref,
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
    document: parsed.index,
    ...locator.position(['metadata', 'name']),
    valid: !violations.slice(before).some(v => v.severity === 'error'),
    ...(typeof sloFile === 'string' && {
      sloFile: {
        path: sloFile,
        ...locator.position(['metadata', 'annotations', ANNOTATION_SLO_FILE]),
      },
    }),
    references: collectEntityReferences(entity).map(reference => ({
      ...reference,
      ...locator.position(reference.path),
      file,
      sourceRef: ref,
    })),
  };
}

/**
 * Everything but the checks across documents. A file over the parse limits
 * is not parsed: it gets one `parse-limit` violation. OpenSLO documents
 * (`apiVersion: openslo/…`, a service's SLO file) are checked with the OpenSLO
 * rules, together once the file is read (an SLO may reference an SLI of the
 * same file).
 */
function* validateDocuments(
  text: string,
  file: string,
  limits: ParseLimits,
  context: RuleContext = {},
): Steps<FileValidationResult> {
  const violations: Violation[] = [];
  const entities: ValidatedEntity[] = [];
  const openSlo: ParsedDocument[] = [];
  let documents = 0;
  const parseLimitViolation = (finding: ParseLimitFinding): Violation => ({
    file,
    rule: parseLimitRule.id,
    severity: parseLimitRule.severity,
    ...finding,
  });
  const refused = checkParseLimits(text, limits);
  if (refused) {
    violations.push(parseLimitViolation(refused));
    return { file, documents, entities, violations };
  }
  for (const parsed of parseDocumentsLazily(text, {
    maxAliasCount: limits.maxAliases,
  })) {
    if (!parsed) {
      yield; // between two chunks of one document
      continue;
    }
    const syntax: typeof parsed.problems = [];
    for (const problem of parsed.problems) {
      if (problem.code === 'ALIAS_EXPANSION') {
        violations.push(
          parseLimitViolation(aliasExpansionFinding(problem, limits)),
        );
      } else {
        syntax.push(problem);
      }
    }
    for (const problem of checkYamlSyntax(syntax)) {
      violations.push({ file, rule: yamlSyntaxRule.id, ...problem });
    }
    const broken = parsed.problems.some(p => p.severity === 'error');
    if (broken || (parsed.value !== null && parsed.value !== undefined)) {
      documents += 1;
    }
    // The catalog skips documents it cannot parse, and empty ones.
    if (!broken && parsed.value !== null && parsed.value !== undefined) {
      if (isOpenSloLike(parsed.value)) {
        openSlo.push(parsed);
      } else {
        const entity = validateDocument(file, parsed, violations, context);
        if (entity) {
          entities.push(entity);
        }
      }
    }
    yield;
  }
  violations.push(...checkOpenSloFile(file, openSlo));
  return { file, documents, entities, violations };
}

/** Adds cross-document violations to the results they belong to. */
function addViolations(results: FileValidationResult[], extra: Violation[]) {
  for (const violation of extra) {
    const result = results.find(r => r.file === violation.file);
    if (!result) {
      continue;
    }
    result.violations.push(violation);
    const entity = result.entities.find(
      e => e.ref === violation.entityRef && e.line === violation.line,
    );
    if (entity && violation.severity === 'error') {
      entity.valid = false;
    }
  }
  for (const result of results) {
    result.violations.sort(byPosition);
  }
}

/**
 * Validates one catalog file the way the Backstage catalog ingests it:
 * every YAML document is checked as one entity, empty documents are ignored.
 * Positions are 1-based and point at the offending YAML node.
 */
export function validateCatalogFile(
  text: string,
  options: { filePath: string } & ValidationOptions,
): FileValidationResult {
  const result = runToEnd(
    validateDocuments(text, options.filePath, parseLimits(options.limits), {
      strict: options.strict,
    }),
  );
  addViolations([result], checkDuplicateEntities(result.entities));
  return result;
}

/** Sums up per-file results. */
export function summarize(
  files: FileValidationResult[],
): CatalogValidationResult {
  const violations = files.flatMap(f => f.violations);
  return {
    files,
    entities: files.flatMap(f => f.entities),
    violations,
    errors: violations.filter(v => v.severity === 'error').length,
    warnings: violations.filter(v => v.severity === 'warning').length,
  };
}

function* validateFiles(
  files: CatalogFileInput[],
  options: ValidationOptions,
): Steps<CatalogValidationResult> {
  const limits = parseLimits(options.limits);
  const results: FileValidationResult[] = [];
  for (const f of files) {
    results.push(
      yield* validateDocuments(f.text, f.path, limits, {
        strict: options.strict,
      }),
    );
  }
  addViolations(
    results,
    checkDuplicateEntities(results.flatMap(r => r.entities)),
  );
  return summarize(results);
}

/**
 * Validates a set of files together: each file as {@link validateCatalogFile}
 * does, plus entities declared more than once across the set.
 */
export function validateCatalogFiles(
  files: CatalogFileInput[],
  options: ValidationOptions = {},
): CatalogValidationResult {
  return runToEnd(validateFiles(files, options));
}

/** Lets timers, I/O and other requests run before continuing. */
function yieldToEventLoop(): Promise<void> {
  return new Promise(resolve =>
    typeof setImmediate === 'function'
      ? setImmediate(resolve)
      : setTimeout(resolve, 0),
  );
}

/** How long {@link validateCatalogFilesAsync} works before it yields. */
export const DEFAULT_SLICE_MS = 10;

/**
 * {@link validateCatalogFiles} for servers: the same result, but the work is
 * done in slices of about `sliceMs` that end between two documents, and the
 * event loop runs in between (health checks and other requests are answered
 * while a large set is validated). One slice is at most one document, which
 * the parse limits keep small.
 */
export async function validateCatalogFilesAsync(
  files: CatalogFileInput[],
  options: ValidationOptions & { sliceMs?: number } = {},
): Promise<CatalogValidationResult> {
  const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
  const steps = validateFiles(files, options);
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) {
      return step.value;
    }
    if (performance.now() - sliceStart >= sliceMs) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
}

/** Adds violations found later (e.g. missing references) to a result. */
export function withViolations(
  result: CatalogValidationResult,
  extra: Violation[],
): CatalogValidationResult {
  addViolations(result.files, extra);
  return summarize(result.files);
}
