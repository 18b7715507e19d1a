import { YamlProblem } from '../yaml/parseDocuments';
import { RuleDefinition } from './types';

export const yamlSyntaxRule: RuleDefinition = {
  id: 'yaml-syntax',
  severity: 'error',
  description:
    'The file must be valid YAML; the catalog skips every document it cannot parse.',
};

/** Hints for the parser's most common error codes. */
const hints: Record<string, string> = {
  DUPLICATE_KEY:
    'Each key may appear only once in a mapping: remove or merge the duplicate.',
  BAD_INDENT:
    'Check the indentation: nested keys must be indented further than their parent, with spaces.',
  TAB_AS_INDENT:
    'Indent with spaces; YAML does not allow tabs for indentation.',
  MISSING_CHAR: 'A closing bracket, brace or quote is missing.',
  MULTILINE_IMPLICIT_KEY:
    'A key must fit on one line; check for a missing ":" or a missing quote on the line before.',
  BLOCK_AS_IMPLICIT_KEY:
    'A key must fit on one line; check for a missing ":" or a missing quote on the line before.',
  UNEXPECTED_TOKEN:
    'Remove the unexpected character, or quote the value that contains it.',
  BAD_SCALAR_START:
    'Quote values that start with a special character such as @, ` or %.',
};

const defaultHint =
  'Fix the YAML syntax; a linter or an editor with YAML support shows the exact spot.';

/** Violations for the parser's errors and warnings. */
export function checkYamlSyntax(problems: YamlProblem[]) {
  return problems.map(problem => ({
    line: problem.line,
    column: problem.column,
    severity: problem.severity,
    message: `YAML ${
      problem.severity === 'error' ? 'syntax error' : 'warning'
    }: ${problem.message}`,
    hint: hints[problem.code] ?? defaultHint,
  }));
}
