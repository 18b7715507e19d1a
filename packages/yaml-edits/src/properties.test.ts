import fs from 'fs';
import path from 'path';
import {
  Document,
  isMap,
  isScalar,
  isSeq,
  Node,
  parseAllDocuments,
} from 'yaml';
import { expectFaithfulEdit } from './__testUtils__/checks';
import { YamlEditError } from './errors';
import { YamlEdit, YamlPath } from './types';
import { YamlEditor } from './YamlEditor';

/*
 * Property checks over every golden input: each generated edit (change every
 * scalar, add keys and nested keys to every mapping, append to every
 * sequence, remove every entry) must read back as the same edit applied to
 * the parsed data, and leave every byte outside the node it touches alone.
 * An edit may be refused, but only for a reason the editor names (an alias,
 * an anchor, ...), never because it could not write what it meant.
 */

const FIXTURES = path.join(__dirname, '__fixtures__');
const inputs = fs
  .readdirSync(FIXTURES, { withFileTypes: true })
  .filter(entry => entry.isDirectory())
  .map(entry => entry.name)
  .sort()
  .map(name => ({
    name,
    text: fs.readFileSync(path.join(FIXTURES, name, 'input.yaml'), 'utf8'),
  }));

function editsFor(doc: Document): YamlEdit[] {
  const edits: YamlEdit[] = [];
  const visit = (node: unknown, at: YamlPath) => {
    if (isMap(node)) {
      edits.push(
        { op: 'set', path: [...at, 'added'], value: 'new' },
        { op: 'set', path: [...at, 'added', 'deep'], value: { a: [1, 'b'] } },
      );
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          const key = String(pair.key.value);
          edits.push({ op: 'remove', path: [...at, key] });
          visit(pair.value, [...at, key]);
        }
      }
    } else if (isSeq(node)) {
      edits.push(
        { op: 'append', path: at, value: 'item' },
        { op: 'append', path: at, value: { k: 'v', list: [1] } },
      );
      node.items.forEach((item, index) => {
        edits.push({ op: 'remove', path: [...at, index] });
        visit(item, [...at, index]);
      });
    } else if (at.length > 0) {
      const value = isScalar(node) ? node.value : undefined;
      edits.push(
        {
          op: 'set',
          path: at,
          value: typeof value === 'number' ? value + 1 : 'changed, with: colon',
        },
        { op: 'set', path: at, value: { replaced: ['by', 'a', 'map'] } },
        { op: 'append', path: at, value: 'x' },
      );
    }
  };
  visit(doc.contents as Node | null, []);
  return edits;
}

type Outcome = {
  edit: YamlEdit;
  documentIndex: number;
  /** The text after the edit (the same text when refused). */
  text: string;
  /** Why it was refused, if it was. */
  code?: string;
};

function attempt(text: string, documentIndex: number, edit: YamlEdit): Outcome {
  const editor = new YamlEditor(text, documentIndex);
  try {
    editor.apply(edit);
    return { edit, documentIndex, text: editor.text };
  } catch (error) {
    const code = error instanceof YamlEditError ? error.code : String(error);
    return { edit, documentIndex, text: editor.text, code };
  }
}

/** Refusals that name their reason; appending to a scalar is refused as it should be. */
function isNamedRefusal({ edit, code }: Outcome): boolean {
  return (
    ['alias', 'anchor-or-tag', 'unsupported-style'].includes(code!) ||
    (edit.op === 'append' && code === 'not-a-sequence')
  );
}

describe('every generated edit of every golden input', () => {
  it.each(inputs)('$name', ({ text }) => {
    const docs = [...parseAllDocuments(text)];
    const outcomes = docs.flatMap((doc, documentIndex) =>
      editsFor(doc).map(edit => attempt(text, documentIndex, edit)),
    );
    const refused = outcomes.filter(outcome => outcome.code);
    const applied = outcomes.filter(outcome => !outcome.code);

    expect(refused.filter(outcome => !isNamedRefusal(outcome))).toEqual([]);
    expect(refused.filter(outcome => outcome.text !== text)).toEqual([]);
    for (const { edit, documentIndex, text: after } of applied) {
      expectFaithfulEdit(text, after, edit, documentIndex);
    }
    expect(applied.length).toBeGreaterThanOrEqual(docs.length > 0 ? 3 : 0);
  });
});
