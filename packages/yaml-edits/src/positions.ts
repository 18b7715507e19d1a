import { CST, isScalar, Node, Pair, YAMLSeq } from 'yaml';
import { YamlEditError } from './errors';
import { YamlPath } from './types';

/*
 * Where the parts of a parsed node sit in the text: node ranges from
 * `parseAllDocuments`, and the CST source tokens for what ranges leave out
 * (the `-` of a sequence item).
 */

export function rangeOf(node: unknown): [number, number, number] {
  return (node as Node).range as [number, number, number];
}

/** Whether a node has no text of its own (`key:` with nothing after it). */
export function isBare(node: unknown): boolean {
  if (!node) {
    return true;
  }
  const [start, end] = rangeOf(node);
  return isScalar(node) && start === end;
}

/** The offset of the `:` after a pair's key, or -1 when there is none (`{a}`). */
export function colonOf(text: string, pair: Pair, path: YamlPath): number {
  if (!pair.key) {
    throw new YamlEditError('unsupported-style', 'has an empty key', path);
  }
  const keyEnd = rangeOf(pair.key)[1];
  let at = keyEnd;
  while (text[at] === ' ' || text[at] === '\t') {
    at += 1;
  }
  return text[at] === ':' ? at : -1;
}

/** Where a pair's text ends: after its value, or after `key:` when the value is empty. */
export function pairEnd(text: string, pair: Pair, path: YamlPath): number {
  if (!isBare(pair.value)) {
    return rangeOf(pair.value)[1];
  }
  const colon = colonOf(text, pair, path);
  return colon >= 0 ? colon + 1 : rangeOf(pair.key)[1];
}

/** Where an item's text ends. */
export function itemEnd(seq: YAMLSeq, index: number, dash: number): number {
  const item = seq.items[index];
  return isBare(item) ? dash + 1 : rangeOf(item)[1];
}

/** The offset of the `-` of item `index` of a block sequence (parsed with source tokens). */
export function dashOf(seq: YAMLSeq, index: number, path: YamlPath): number {
  const token = (seq as { srcToken?: CST.Token }).srcToken;
  if (token?.type === 'block-seq') {
    const dashes = token.items
      .map(item => item.start.find(t => t.type === 'seq-item-ind'))
      .filter((t): t is CST.SourceToken => Boolean(t));
    if (dashes[index]) {
      return dashes[index].offset;
    }
  }
  throw new YamlEditError(
    'unsupported-style',
    'the `-` of this sequence item cannot be found',
    path,
  );
}
