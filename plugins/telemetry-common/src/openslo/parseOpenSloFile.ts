import { LineCounter, parseAllDocuments } from 'yaml';
import type { SloFileProblem } from '../slo';
import { checkOpenSloDocuments } from './checkDocuments';
import { locatedDocument } from './locate';
import { OPENSLO_RULES } from './rules';
import type { OpenSloDocumentInput, OpenSloFile } from './types';

/** How far aliases may expand (a small file cannot become a huge one: "billion laughs"). */
const MAX_ALIAS_COUNT = 100;

/**
 * Parses an OpenSLO v1 file (one or more YAML documents) and reads the SLOs Strata can
 * evaluate, with every problem at its line and column. A document with a YAML syntax error is
 * reported and skipped; a file without any `kind: SLO` document is a problem too (the
 * `strata.dev/slo-file` annotation should point at the service's SLOs).
 */
export function parseOpenSloFile(
  text: string,
  options: { file: string },
): OpenSloFile {
  const { file } = options;
  const lineCounter = new LineCounter();
  const syntax: SloFileProblem[] = [];
  const documents: OpenSloDocumentInput[] = [];
  for (const doc of parseAllDocuments(text, { lineCounter })) {
    const errors = doc.errors;
    if (errors.length > 0) {
      for (const error of errors) {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        syntax.push({
          file,
          line,
          column: col,
          rule: OPENSLO_RULES.yamlSyntax,
          message: error.message
            .split('\n')[0]
            .replace(/ at line \d+, column \d+:?$/, ''),
        });
      }
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      const { line, col } = lineCounter.linePos(doc.range[0]);
      syntax.push({
        file,
        line,
        column: col,
        rule: OPENSLO_RULES.yamlSyntax,
        message: e instanceof Error ? e.message : String(e),
      });
      continue;
    }
    documents.push(locatedDocument(doc, lineCounter, value));
  }
  const result = checkOpenSloDocuments(file, documents);
  const hasSlo = documents.some(
    d => (d.value as { kind?: unknown } | null)?.kind === 'SLO',
  );
  if (!hasSlo && syntax.length === 0) {
    syntax.push({
      file,
      line: 1,
      column: 1,
      rule: OPENSLO_RULES.requiredField,
      message:
        'the file defines no SLO: add a document with apiVersion: openslo/v1 and kind: SLO',
    });
  }
  return {
    ...result,
    problems: [...syntax, ...result.problems].sort(
      (a, b) => a.line - b.line || a.column - b.column,
    ),
  };
}
