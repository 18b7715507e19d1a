import { CatalogValidationResult } from '@internal/plugin-catalog-validation-common';
import { OutputFormat } from '../args';
import { formatGithub } from './github';
import { formatJson } from './json';
import { formatText } from './text';

const formatters: Record<
  OutputFormat,
  (result: CatalogValidationResult) => string
> = {
  text: formatText,
  github: formatGithub,
  json: formatJson,
};

export function formatResult(
  result: CatalogValidationResult,
  format: OutputFormat,
): string {
  return formatters[format](result);
}
