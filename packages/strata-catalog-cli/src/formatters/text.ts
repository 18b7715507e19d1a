import {
  CatalogValidationResult,
  Violation,
} from '@internal/plugin-catalog-validation-common';

/** `N files, N entities, N errors, N warnings` */
export function summaryLine(result: CatalogValidationResult): string {
  return `${result.files.length} files, ${result.entities.length} entities, ${result.errors} errors, ${result.warnings} warnings`;
}

function violationLines(v: Violation): string[] {
  return [
    `${v.file}:${v.line}:${v.column}  ${v.severity}  ${v.message}  [${v.rule}]`,
    `    hint: ${v.hint}`,
  ];
}

/** One line per violation with an indented hint, then the summary. */
export function formatText(result: CatalogValidationResult): string {
  const lines = result.violations.flatMap(violationLines);
  return [...lines, ...(lines.length ? [''] : []), summaryLine(result)].join(
    '\n',
  );
}
