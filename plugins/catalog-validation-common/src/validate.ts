import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { collectEntityReferences } from './references';
import { entityRules, modelRules, schemaRules } from './rules';
import { substituteTextPlaceholders } from './model/placeholders';
import { checkDuplicateEntities } from './rules/duplicateEntity';
import { checkDocumentIsObject, notAnObjectRule } from './rules/notAnObject';
import { checkRequiredFields, requiredFieldRule } from './rules/requiredField';
import { checkEnvelopeSchema, schemaRule } from './rules/schema';
import { RuleDefinition, RuleFinding } from './rules/types';
import { checkYamlSyntax, yamlSyntaxRule } from './rules/yamlSyntax';
import {
  CatalogFileInput,
  CatalogValidationResult,
  FileValidationResult,
  ValidatedEntity,
  Violation,
} from './types';
import { parseDocuments, ParsedDocument } from './yaml/parseDocuments';

function byPosition(a: Violation, b: Violation): number {
  return a.line - b.line || a.column - b.column;
}

/** Validates one document; returns its entity when it could be identified. */
function validateDocument(
  file: string,
  parsed: ParsedDocument,
  violations: Violation[],
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
      report(rule, rule.check(entity), ref);
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
    references: collectEntityReferences(entity).map(reference => ({
      ...reference,
      ...locator.position(reference.path),
      file,
      sourceRef: ref,
    })),
  };
}

/** Everything but the checks across documents. */
function validateDocuments(text: string, file: string): FileValidationResult {
  const violations: Violation[] = [];
  const entities: ValidatedEntity[] = [];
  let documents = 0;
  for (const parsed of parseDocuments(text)) {
    for (const problem of checkYamlSyntax(parsed.problems)) {
      violations.push({ file, rule: yamlSyntaxRule.id, ...problem });
    }
    const broken = parsed.problems.some(p => p.severity === 'error');
    if (broken || (parsed.value !== null && parsed.value !== undefined)) {
      documents += 1;
    }
    // The catalog skips documents it cannot parse, and empty ones.
    if (!broken && parsed.value !== null && parsed.value !== undefined) {
      const entity = validateDocument(file, parsed, violations);
      if (entity) {
        entities.push(entity);
      }
    }
  }
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
  options: { filePath: string },
): FileValidationResult {
  const result = validateDocuments(text, options.filePath);
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

/**
 * Validates a set of files together: each file as {@link validateCatalogFile}
 * does, plus entities declared more than once across the set.
 */
export function validateCatalogFiles(
  files: CatalogFileInput[],
): CatalogValidationResult {
  const results = files.map(f => validateDocuments(f.text, f.path));
  addViolations(
    results,
    checkDuplicateEntities(results.flatMap(r => r.entities)),
  );
  return summarize(results);
}

/** Adds violations found later (e.g. missing references) to a result. */
export function withViolations(
  result: CatalogValidationResult,
  extra: Violation[],
): CatalogValidationResult {
  addViolations(result.files, extra);
  return summarize(result.files);
}
