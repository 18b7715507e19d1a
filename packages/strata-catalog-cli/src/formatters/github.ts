import {
  CatalogValidationResult,
  Violation,
} from '@internal/plugin-catalog-validation-common';
import { summaryLine } from './text';

/** Escapes the message part of a workflow command. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value of a workflow command. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(v: Violation): string {
  const properties = [
    `file=${escapeProperty(v.file)}`,
    `line=${v.line}`,
    `col=${v.column}`,
    `title=${escapeProperty(v.rule)}`,
  ].join(',');
  return `::${v.severity} ${properties}::${escapeData(
    `${v.message} (${v.hint})`,
  )}`;
}

/** GitHub Actions workflow commands, which annotate the files in a pull request. */
export function formatGithub(result: CatalogValidationResult): string {
  return [...result.violations.map(command), summaryLine(result)].join('\n');
}
