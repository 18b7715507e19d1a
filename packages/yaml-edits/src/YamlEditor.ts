import { Document } from 'yaml';
import { EditContext } from './context';
import { emptyDocument, findDocuments, parseDocuments } from './documents';
import { YamlEditError } from './errors';
import { applyEditToValue, sameValue } from './model';
import { planAppend } from './planAppend';
import { holds, planWrite } from './planSet';
import { planRemove } from './planRemove';
import { writtenValue } from './render';
import { applySplices, eolOf, lineEnd, pastLineBreak, Splice } from './text';
import { AppendEdit, SetEdit, YamlEdit, YamlPath, YamlValue } from './types';
import { checkValue } from './values';

type Selected = { docs: Document.Parsed[]; doc: Document.Parsed };

function select(text: string, index: number): Selected {
  const docs = parseDocuments(text);
  if (docs.length === 0 && index === 0) {
    return { docs, doc: emptyDocument(text) };
  }
  const doc = docs[index];
  if (!doc) {
    throw new YamlEditError(
      'no-such-document',
      `The text has ${docs.length} document(s); there is no document ${index}`,
    );
  }
  if (doc.errors.length > 0) {
    throw new YamlEditError(
      'syntax-error',
      `Document ${index} is not valid YAML: ${doc.errors[0].message}`,
    );
  }
  return { docs, doc };
}

/** Where new content of an empty document goes: after its `---` line, or at the end of the text. */
function documentEnd(text: string, selected: Selected): number {
  if (selected.docs.length === 0) {
    return text.length;
  }
  const end = selected.doc.range[1];
  return pastLineBreak(text, lineEnd(text, end));
}

/**
 * Edits one document of a YAML text in place. Each edit changes only the
 * bytes of the node it touches (or adds lines next to it); comments, blank
 * lines, quoting, indentation, line endings, a byte order mark and the other
 * documents stay exactly as written. Every result is read back and checked
 * against what the edit means for the data; an edit that would say anything
 * else is refused with a {@link YamlEditError} and the text is left as it was.
 *
 * @example
 * const editor = new YamlEditor(text);
 * editor.set(['metadata', 'annotations', 'strata.dev/x'], 'y');
 * return editor.toString();
 */
export class YamlEditor {
  #text: string;
  readonly #index: number;
  #selected: Selected;

  /** Edits document `index` (0: the first or only one) of `text`. */
  constructor(text: string, index = 0) {
    this.#text = text;
    this.#index = index;
    this.#selected = select(text, index);
  }

  /** Edits the one document of `text` that `predicate` accepts; refuses when none or several do. */
  static forDocument(
    text: string,
    predicate: (document: Document.Parsed, index: number) => boolean,
  ): YamlEditor {
    const matching = findDocuments(text, predicate);
    if (matching.length !== 1) {
      throw new YamlEditError(
        'no-such-document',
        `${matching.length} documents match; expected one`,
      );
    }
    return new YamlEditor(text, matching[0]);
  }

  /** The text with the edits so far. */
  get text(): string {
    return this.#text;
  }

  /** Which document of the text is edited (0 for the first). */
  get documentIndex(): number {
    return this.#index;
  }

  /** The edited document as it reads now (after the edits so far), to look values up. */
  get document(): Document.Parsed {
    return this.#selected.doc;
  }

  /** Sets the value at `path`, adding missing mapping keys (see {@link SetEdit}). */
  set(path: YamlPath, value: YamlValue, options: { after?: string } = {}) {
    return this.apply({ op: 'set', path, value, ...options });
  }

  /** Appends an item to the sequence at `path` (see {@link AppendEdit}). */
  append(
    path: YamlPath,
    value: YamlValue,
    options: Omit<AppendEdit, 'op' | 'path' | 'value'> = {},
  ) {
    return this.apply({ op: 'append', path, value, ...options });
  }

  /** Removes the mapping key or sequence item at `path`. */
  remove(path: YamlPath) {
    return this.apply({ op: 'remove', path });
  }

  /** Applies one edit; throws {@link YamlEditError} (and keeps the text) when it cannot. */
  apply(edit: YamlEdit): this {
    if (edit.op !== 'remove') {
      checkValue(edit.value, edit.path);
    }
    const splices = this.#plan(edit);
    if (splices.length === 0) {
      return this;
    }
    const text = applySplices(this.#text, splices);
    this.#selected = this.#readBack(text, edit);
    this.#text = text;
    return this;
  }

  toString(): string {
    return this.#text;
  }

  #plan(edit: YamlEdit): Splice[] {
    const text = this.#text;
    const ctx: EditContext = {
      text,
      eol: eolOf(text),
      doc: this.#selected.doc,
      documentEnd: documentEnd(text, this.#selected),
      path: edit.path,
    };
    switch (edit.op) {
      case 'set':
        return planWrite(ctx, style => writtenValue(edit.value, style), {
          after: edit.after,
          unchanged: node => holds(node, edit.value),
        });
      case 'append':
        return planAppend(ctx, edit.value, edit);
      case 'remove':
        return planRemove(ctx);
      default:
        throw new YamlEditError(
          'unsupported-style',
          `Unknown edit '${(edit as { op: string }).op}'`,
        );
    }
  }

  /** The new text's document, when it says what the edit means (and nothing else changed). */
  #readBack(text: string, edit: YamlEdit): Selected {
    const refuse = (why: string) =>
      new YamlEditError(
        'not-faithful',
        `this ${edit.op} cannot be written faithfully here (${why}); the text is unchanged`,
        edit.path,
      );
    const before = this.#selected;
    let after: Selected;
    try {
      after = select(text, this.#index);
    } catch (error) {
      throw refuse((error as Error).message);
    }
    if (after.docs.length !== Math.max(1, before.docs.length)) {
      throw refuse('the number of documents changed');
    }
    let expected: unknown;
    try {
      expected = applyEditToValue(before.doc.toJS(), edit);
    } catch (error) {
      throw refuse((error as Error).message);
    }
    if (!sameValue(after.doc.toJS(), expected)) {
      throw refuse('it would read back as different data');
    }
    const othersKept = before.docs.every(
      (doc, index) =>
        index === this.#index ||
        sameValue(doc.toJS(), after.docs[index].toJS()),
    );
    if (!othersKept) {
      throw refuse('another document would change');
    }
    return after;
  }
}
