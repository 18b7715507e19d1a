import { Document, parseAllDocuments, parseDocument } from 'yaml';

/** Parse options every edit uses: source tokens locate what node ranges leave out. */
const PARSE_OPTIONS = { keepSourceTokens: true } as const;

/** Every document of a YAML text (none for an empty or comment-only text). */
export function parseDocuments(text: string): Document.Parsed[] {
  return [...parseAllDocuments(text, PARSE_OPTIONS)] as Document.Parsed[];
}

/** A text without documents read as one empty document, so a first key can be written. */
export function emptyDocument(text: string): Document.Parsed {
  return parseDocument(text, PARSE_OPTIONS);
}

/**
 * The indexes of the documents of `text` that `predicate` accepts, e.g. the
 * one that declares a given entity. Documents with syntax errors are offered
 * too (their `errors` say so); the editor refuses to edit them.
 */
export function findDocuments(
  text: string,
  predicate: (document: Document.Parsed, index: number) => boolean,
): number[] {
  return parseDocuments(text).flatMap((document, index) =>
    predicate(document, index) ? [index] : [],
  );
}
