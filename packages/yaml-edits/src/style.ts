import { isMap, isPair, isSeq, Node } from 'yaml';
import { BlockStyle } from './render';
import { column } from './text';

const DEFAULT_INDENT = 2;

type Found = Partial<BlockStyle>;

function startOf(node: unknown): number {
  return (node as Node).range![0];
}

/** Records the indentation of `map`'s nested block collections, depth first, first seen wins. */
function collect(text: string, node: unknown, found: Found) {
  if (found.mapIndent !== undefined && found.seqIndent !== undefined) {
    return;
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      const value = pair.value;
      if (!node.flow && isPair(pair) && pair.key && value) {
        const keyColumn = column(text, startOf(pair.key));
        if (isMap(value) && !value.flow && value.items.length > 0) {
          const step = column(text, startOf(value)) - keyColumn;
          if (step > 0 && found.mapIndent === undefined) {
            found.mapIndent = step;
          }
        }
        if (isSeq(value) && !value.flow && value.items.length > 0) {
          const step = column(text, startOf(value)) - keyColumn;
          if (step >= 0 && found.seqIndent === undefined) {
            found.seqIndent = step;
          }
        }
      }
      collect(text, value, found);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      collect(text, item, found);
    }
  }
}

/**
 * The indentation the document already uses for nested block mappings and
 * sequences: first that of `near` itself under its key (`nearKey`), then
 * what is used inside `near` (the collection being edited), then anywhere in
 * the document; two columns when it has none.
 */
export function blockStyleOf(
  text: string,
  root: unknown,
  near?: unknown,
  nearKey?: unknown,
): BlockStyle {
  const found: Found = {};
  if (near && nearKey && (isMap(near) || isSeq(near)) && !near.flow) {
    const step = column(text, startOf(near)) - column(text, startOf(nearKey));
    if (isMap(near) && step > 0) {
      found.mapIndent = step;
    }
    if (isSeq(near) && step >= 0) {
      found.seqIndent = step;
    }
  }
  if (near) {
    collect(text, near, found);
  }
  collect(text, root, found);
  return {
    mapIndent: found.mapIndent ?? DEFAULT_INDENT,
    seqIndent: found.seqIndent ?? DEFAULT_INDENT,
  };
}
