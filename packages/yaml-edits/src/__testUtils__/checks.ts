import {
  Document,
  isMap,
  isPair,
  isSeq,
  Node,
  parseAllDocuments,
  parseDocument,
} from 'yaml';
import { applyEditToValue } from '../model';
import { YamlEdit, YamlPath } from '../types';

/*
 * The two properties every edit must have, checked independently of how the
 * editor works: the data reads back as the edit means (the same edit applied
 * to the parsed JS value), and every byte outside the node the edit touches
 * is unchanged.
 */

function documentsOf(text: string): Document[] {
  const docs = parseAllDocuments(text);
  return docs.length > 0 ? [...docs] : [parseDocument(text)];
}

function lineStart(text: string, offset: number) {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function endOfLineAfter(text: string, offset: number) {
  let end = offset;
  while (end > 0 && /[ \t\r\n]/.test(text[end - 1])) {
    end -= 1;
  }
  const newline = text.indexOf('\n', end);
  return newline === -1 ? text.length : newline + 1;
}

/**
 * The part of `text` an edit may change: the lines of the deepest node of
 * the path that exists (for a removal, of the collection it removes from),
 * from the line of its key.
 */
export function allowedSpan(
  text: string,
  documentIndex: number,
  edit: YamlEdit,
): { start: number; end: number } {
  const doc = documentsOf(text)[documentIndex];
  const path: YamlPath =
    edit.op === 'remove' ? edit.path.slice(0, -1) : edit.path;
  let node = doc.contents as Node | null;
  let keyStart: number | undefined;
  for (const segment of path) {
    let next: unknown;
    if (isMap(node) && typeof segment === 'string') {
      const pair = node.items.find(
        p => isPair(p) && (p.key as { value?: unknown })?.value === segment,
      );
      next = pair?.value;
      keyStart = pair ? (pair.key as Node).range![0] : keyStart;
    } else if (isSeq(node) && typeof segment === 'number') {
      next = node.items[segment];
      keyStart = undefined;
    }
    if (
      !next ||
      !(next as Node).range ||
      (next as { value?: unknown }).value === null
    ) {
      break;
    }
    node = next as Node;
  }
  if (!node?.range || (node as { value?: unknown }).value === null) {
    return { start: 0, end: text.length };
  }
  const start = lineStart(text, Math.min(keyStart ?? Infinity, node.range[0]));
  return { start, end: endOfLineAfter(text, node.range[1]) };
}

/** Checks one step `before` → `after` of `edit` on document `documentIndex`. */
export function expectFaithfulEdit(
  before: string,
  after: string,
  edit: YamlEdit,
  documentIndex: number,
) {
  const oldDocs = documentsOf(before);
  const newDocs = documentsOf(after);
  expect(newDocs).toHaveLength(oldDocs.length);
  newDocs.forEach((doc, index) => {
    expect(doc.errors).toEqual([]);
    const old = oldDocs[index].toJS();
    expect(doc.toJS()).toEqual(
      index === documentIndex ? applyEditToValue(old, edit) : old,
    );
  });
  const { start, end } = allowedSpan(before, documentIndex, edit);
  expect(after.slice(0, start)).toBe(before.slice(0, start));
  expect(after.slice(after.length - (before.length - end))).toBe(
    before.slice(end),
  );
}
