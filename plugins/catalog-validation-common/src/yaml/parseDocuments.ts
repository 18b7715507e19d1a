import {
  Composer,
  Document,
  isScalar,
  LineCounter,
  Lexer,
  Parser,
  visit,
  YAMLError,
} from 'yaml';
import { Severity, SourcePosition } from '../types';
import { createLocator, Locator } from './locator';
import { errorMessage } from '../errorMessage';
import { DEFAULT_PARSE_LIMITS } from './limits';

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

/** The message yaml throws when aliases expand past `maxAliasCount`. */
const ALIAS_EXPANSION = /excessive alias count/i;

/**
 * The parser's duplicate-key errors, found in linear time. `yaml` compares
 * each key with every key before it in its mapping (quadratic: a mapping of
 * 50,000 keys takes minutes), so it runs with `uniqueKeys: false` and this
 * reports what it would: `DUPLICATE_KEY` at the repeated key, for scalar keys
 * that are `===` to an earlier key of the same mapping.
 */
function duplicateKeys(doc: Document, lineCounter: LineCounter): YamlProblem[] {
  const problems: YamlProblem[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key) || Number.isNaN(key.value)) {
          continue;
        }
        if (seen.has(key.value)) {
          const { line, col } = lineCounter.linePos(key.range?.[0] ?? 0);
          problems.push({
            severity: 'error',
            code: 'DUPLICATE_KEY',
            message: 'Map keys must be unique',
            line,
            column: col,
          });
        }
        seen.add(key.value);
      }
    },
  });
  return problems;
}

/** Lexer tokens between two pauses of {@link parseDocumentsLazily}. */
const TOKENS_PER_PAUSE = 2000;

/**
 * Parses the documents of a file one by one, the way the catalog does
 * (`yaml`'s `parseAllDocuments` without merge keys, then `toJSON`), keeping
 * positions. Lazy: it yields each document as it is parsed, and `undefined`
 * every few thousand lexer tokens, where a caller may pause. Aliases may
 * expand to at most `maxAliasCount` nodes (problem code `ALIAS_EXPANSION`).
 */
export function* parseDocumentsLazily(
  text: string,
  options: { maxAliasCount?: number } = {},
): Generator<ParsedDocument | undefined, void, undefined> {
  const maxAliasCount =
    options.maxAliasCount ?? DEFAULT_PARSE_LIMITS.maxAliases;
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  const parser = new Parser(lineCounter.addNewLine);
  const composer = new Composer({ merge: false, uniqueKeys: false });
  let index = 0;

  const parsed = (doc: Document): ParsedDocument => {
    index += 1;
    const locator = createLocator(doc, lineCounter);
    const problems = [
      ...doc.errors.map(e => toProblem(e, 'error', lineCounter)),
      ...duplicateKeys(doc, lineCounter),
      ...doc.warnings.map(e => toProblem(e, 'warning', lineCounter)),
    ];
    let value: unknown = null;
    if (!problems.some(p => p.severity === 'error')) {
      try {
        // toJSON(), with the alias limit.
        value = doc.toJS({ json: true, mapAsMap: false, maxAliasCount });
      } catch (e) {
        const message = shortMessage(errorMessage(e));
        problems.push({
          severity: 'error',
          code: ALIAS_EXPANSION.test(message) ? 'ALIAS_EXPANSION' : 'TO_JSON',
          message,
          ...locator.start,
        });
      }
    }
    return { index, doc, locator, value, problems };
  };

  let tokens = 0;
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) {
      for (const doc of composer.next(token)) {
        yield parsed(doc);
      }
    }
    tokens += 1;
    if (tokens % TOKENS_PER_PAUSE === 0) {
      yield undefined;
    }
  }
  for (const token of parser.end()) {
    for (const doc of composer.next(token)) {
      yield parsed(doc);
    }
  }
  for (const doc of composer.end()) {
    yield parsed(doc);
  }
}

/** Every document of a file, parsed as {@link parseDocumentsLazily} does. */
export function parseDocuments(
  text: string,
  options: { maxAliasCount?: number } = {},
): ParsedDocument[] {
  return Array.from(parseDocumentsLazily(text, options)).filter(
    (doc): doc is ParsedDocument => doc !== undefined,
  );
}
