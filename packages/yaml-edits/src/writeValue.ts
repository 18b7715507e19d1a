import { isMap, isScalar, isSeq, Node, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { EditContext } from './context';
import { YamlEditError } from './errors';
import { colonOf, dashOf, isBare, rangeOf } from './positions';
import { BlockStyle, Written } from './render';
import { Entry } from './resolve';
import {
  backOverSpaces,
  column,
  endOfLastLine,
  indentLines,
  lineEnd,
  lineStart,
  pastLineBreak,
  Splice,
  startsItsLine,
} from './text';

/*
 * Replacing one value in place. The bytes of the old value go, the new value
 * takes their place; the key, the comment after the value and every other
 * line stay as written.
 */

/** Block collections and `|`/`>` scalars end on the line of their last content. */
function isBlockish(node: unknown): boolean {
  if (isScalar(node)) {
    return (
      node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED
    );
  }
  return (isMap(node) || isSeq(node)) && !node.flow;
}

function isFlowCollection(node: unknown): node is YAMLMap | YAMLSeq {
  return (isMap(node) || isSeq(node)) && Boolean(node.flow);
}

/** Where the old value's text ends. */
function valueEnd(text: string, node: Node): number {
  const end = rangeOf(node)[1];
  return isBlockish(node) ? endOfLastLine(text, end) : end;
}

/** Whether a flow collection is written `{ a }` rather than `{a}`. */
export function paddingOf(text: string, node: unknown): boolean {
  if (!isFlowCollection(node)) {
    return false;
  }
  let at = rangeOf(node)[0] + 1;
  if (text[at] !== ' ') {
    return false;
  }
  while (text[at] === ' ') {
    at += 1;
  }
  return text[at] !== ']' && text[at] !== '}';
}

function quoteOf(node: unknown): Scalar.Type | undefined {
  if (
    isScalar(node) &&
    (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE)
  ) {
    return node.type;
  }
  return undefined;
}

/** Whole lines `[from's line, to's line]` removed, with one line break. */
export function removeLines(text: string, from: number, to: number): Splice {
  const start = lineStart(text, from);
  const end = pastLineBreak(text, lineEnd(text, to));
  if (end === lineEnd(text, to) && start > 0) {
    // The last line of a text without a final line break: take the one before.
    const before = text[start - 2] === '\r' ? 2 : 1;
    return { start: start - before, end, text: '' };
  }
  return { start, end, text: '' };
}

/** `- ` followed by nothing: the value goes after the dash, its other lines under it. */
function fillEmptyItem(
  ctx: EditContext,
  seq: YAMLSeq,
  index: number,
  lines: string[],
): Splice {
  const { text, eol } = ctx;
  const dash = dashOf(seq, index, ctx.path);
  let end = dash + 1;
  while (text[end] === ' ' || text[end] === '\t') {
    end += 1;
  }
  const rest = indentLines(lines.slice(1), column(text, dash) + 2);
  const beforeComment = text[end] === '#' ? ' ' : '';
  return {
    start: dash + 1,
    end,
    text: ` ${[lines[0], ...rest].join(eol)}${beforeComment}`,
  };
}

function keyColon(ctx: EditContext, entry: Entry & { kind: 'pair' }) {
  const colon = colonOf(ctx.text, entry.pair, ctx.path);
  if (colon < 0 && !entry.map.flow) {
    throw new YamlEditError(
      'unsupported-style',
      'its key is not followed by `:`',
      ctx.path,
    );
  }
  return colon;
}

function writeInline(
  ctx: EditContext,
  entry: Entry,
  old: Node | null,
  value: string,
): Splice[] {
  const { text } = ctx;
  if (isBare(old)) {
    if (entry.kind === 'pair') {
      const colon = keyColon(ctx, entry);
      if (colon < 0) {
        const keyEnd = rangeOf(entry.pair.key)[1];
        return [{ start: keyEnd, end: keyEnd, text: `: ${value}` }];
      }
      return [{ start: colon + 1, end: colon + 1, text: ` ${value}` }];
    }
    if (entry.kind === 'item') {
      return [fillEmptyItem(ctx, entry.seq, entry.index, [value])];
    }
    throw new YamlEditError(
      'unsupported-style',
      'the document is empty',
      ctx.path,
    );
  }
  const node = old as Node;
  const start = rangeOf(node)[0];
  if (entry.kind === 'pair' && !entry.map.flow && startsItsLine(text, start)) {
    // The old value sat on the lines under its key: they go, the value follows `key:`.
    const colon = keyColon(ctx, entry);
    return [
      removeLines(text, start, valueEnd(text, node)),
      { start: colon + 1, end: colon + 1, text: ` ${value}` },
    ];
  }
  return [{ start, end: valueEnd(text, node), text: value }];
}

function writeBlock(
  ctx: EditContext,
  entry: Entry,
  old: Node | null,
  block: NonNullable<Written['block']>,
  style: BlockStyle,
): Splice[] {
  const { text, eol } = ctx;
  if (entry.kind === 'item') {
    if (isBare(old)) {
      return [fillEmptyItem(ctx, entry.seq, entry.index, block.lines)];
    }
    const start = rangeOf(old)[0];
    const rest = indentLines(block.lines.slice(1), column(text, start));
    return [
      {
        start,
        end: valueEnd(text, old as Node),
        text: [block.lines[0], ...rest].join(eol),
      },
    ];
  }
  if (entry.kind === 'root') {
    const start = old ? rangeOf(old)[0] : -1;
    if (isBare(old) || column(text, start) !== 0) {
      throw new YamlEditError(
        'unsupported-style',
        'only a document that starts at column 0 is rewritten',
        ctx.path,
      );
    }
    return [
      { start, end: valueEnd(text, old as Node), text: block.lines.join(eol) },
    ];
  }
  const keyColumn = column(text, rangeOf(entry.map)[0]);
  const lines = indentLines(
    block.lines,
    keyColumn + (block.sequence ? style.seqIndent : style.mapIndent),
  ).join(eol);
  const colon = keyColon(ctx, entry);
  if (isBare(old)) {
    const at = lineEnd(text, colon);
    return [{ start: at, end: at, text: `${eol}${lines}` }];
  }
  const node = old as Node;
  const [start, end] = rangeOf(node);
  if (startsItsLine(text, start)) {
    // A value on the lines under its key: the new lines take the place of the old.
    return [
      { start: lineStart(text, start), end: valueEnd(text, node), text: lines },
    ];
  }
  // A value on the key's line (`key: x # c`, `key: []`): the new lines go under the key.
  const from = backOverSpaces(text, start);
  if (!isBlockish(node) && !text.slice(start, end).includes('\n')) {
    const stop = lineEnd(text, end);
    return [
      {
        start: from,
        end: stop,
        text: `${text.slice(end, stop)}${eol}${lines}`,
      },
    ];
  }
  return [{ start: from, end: valueEnd(text, node), text: `${eol}${lines}` }];
}

/**
 * The splices that replace the value of `entry` (`old`, possibly empty) with
 * `value`. A non-empty collection is written in block style, unless it goes
 * into a flow collection or replaces a non-empty flow collection (which
 * keeps its style); scalars keep the quotes of the scalar they replace.
 */
export function writeValue(
  ctx: EditContext,
  entry: Entry,
  old: Node | null,
  value: Written,
  style: BlockStyle,
): Splice[] {
  let container: YAMLMap | YAMLSeq | undefined;
  if (entry.kind === 'pair') {
    container = entry.map;
  } else if (entry.kind === 'item') {
    container = entry.seq;
  }
  const inFlow = Boolean(container?.flow);
  const keepFlow = isFlowCollection(old) && old.items.length > 0;
  if (value.block && !inFlow && !keepFlow) {
    return writeBlock(ctx, entry, old, value.block, style);
  }
  const inline = value.inline({
    inFlow,
    quote: quoteOf(old),
    padding: paddingOf(ctx.text, isFlowCollection(old) ? old : container),
  });
  return writeInline(ctx, entry, old, inline);
}
