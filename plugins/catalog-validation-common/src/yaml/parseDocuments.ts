import { Document, LineCounter, parseAllDocuments, YAMLError } from 'yaml';
import { Severity, SourcePosition } from '../types';
import { createLocator, Locator } from './locator';
import { errorMessage } from '../errorMessage';

/** A syntax error or warning reported by the YAML parser. */
export type YamlProblem = SourcePosition & {
  severity: Severity;
  /** The parser's error code, e.g. `DUPLICATE_KEY`. */
  code: string;
  message: string;
};

/** One YAML document of a catalog file. */
export type ParsedDocument = {
  /** 1-based index among all documents of the file, empty ones included. */
  index: number;
  doc: Document;
  locator: Locator;
  /** The document as JSON, as the catalog reads it; `null` for empty documents. */
  value: unknown;
  problems: YamlProblem[];
};

/** The parser's message without the position and code excerpt it appends. */
function shortMessage(message: string): string {
  const firstLine = message.split('\n')[0];
  return firstLine.replace(/ at line \d+, column \d+:?\s*$/, '').trim();
}

function toProblem(
  error: YAMLError,
  severity: Severity,
  lineCounter: LineCounter,
): YamlProblem {
  const linePos = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
  return {
    severity,
    code: error.code,
    message: shortMessage(error.message),
    line: linePos.line,
    column: linePos.col,
  };
}

/**
 * Parses every document of a file the way the catalog does (`yaml`'s
 * `parseAllDocuments` without merge keys, then `toJSON`), keeping positions.
 */
export function parseDocuments(text: string): ParsedDocument[] {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, merge: false });
  // A stream with no documents at all is not an array.
  const docs: Document[] = Array.isArray(parsed) ? parsed : [];
  return docs.map((doc, i) => {
    const locator = createLocator(doc, lineCounter);
    const problems = [
      ...doc.errors.map(e => toProblem(e, 'error', lineCounter)),
      ...doc.warnings.map(e => toProblem(e, 'warning', lineCounter)),
    ];
    let value: unknown = null;
    if (doc.errors.length === 0) {
      try {
        value = doc.toJSON();
      } catch (e) {
        // For example an alias that expands past the parser's limits.
        problems.push({
          severity: 'error',
          code: 'TO_JSON',
          message: shortMessage(errorMessage(e)),
          ...locator.start,
        });
      }
    }
    return { index: i + 1, doc, locator, value, problems };
  });
}
