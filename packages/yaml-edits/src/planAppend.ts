import { isMap, isSeq, YAMLSeq } from 'yaml';
import { EditContext } from './context';
import { YamlEditError } from './errors';
import { insertIntoEmptyDocument } from './insert';
import { planWrite } from './planSet';
import { dashOf, itemEnd, rangeOf } from './positions';
import {
  commentLines,
  itemContent,
  Written,
  writtenNewSequence,
  writtenValue,
} from './render';
import { checkEditable, isEmptyValue, keyOf, resolvePath } from './resolve';
import { blockStyleOf } from './style';
import {
  column,
  endOfLastLine,
  indentLines,
  lineStart,
  spaces,
  Splice,
} from './text';
import { paddingOf, writeValue } from './writeValue';
import { YamlValue } from './types';

type AppendOptions = { commentBefore?: string; blankLineBefore?: boolean };

/** After the last item of a block sequence, with the `- ` of that item. */
function appendToBlock(
  ctx: EditContext,
  seq: YAMLSeq,
  item: Written,
  options: AppendOptions,
): Splice {
  const { text, eol } = ctx;
  const last = seq.items.length - 1;
  const dash = dashOf(seq, last, ctx.path);
  const dashColumn = column(text, dash);
  // Reuse the last item's `-   ` (its spacing), when the dash starts its line.
  const lastStart = seq.items[last] ? rangeOf(seq.items[last])[0] : dash + 2;
  const prefix = text.slice(lineStart(text, dash), lastStart);
  const dashText = /^[ \t]*-[ \t]+$/.test(prefix)
    ? prefix
    : `${spaces(dashColumn)}- `;
  const content = itemContent(item);
  const lines = [
    ...(options.blankLineBefore ? [''] : []),
    ...indentLines(
      options.commentBefore ? commentLines(options.commentBefore) : [],
      dashColumn,
    ),
    `${dashText}${content[0]}`,
    ...indentLines(content.slice(1), dashText.length),
  ];
  const at = endOfLastLine(text, itemEnd(seq, last, dash));
  return { start: at, end: at, text: `${eol}${lines.join(eol)}` };
}

/** `, item` after the last item of a flow sequence, or `item` inside `[]`. */
function appendToFlow(ctx: EditContext, seq: YAMLSeq, item: Written): Splice {
  const { text } = ctx;
  const padding = paddingOf(text, seq);
  const itemText = item.inline({ inFlow: true, padding });
  const last = seq.items[seq.items.length - 1];
  if (!last) {
    const open = rangeOf(seq)[0] + 1;
    return { start: open, end: open, text: itemText };
  }
  const at = rangeOf(last)[1];
  return { start: at, end: at, text: `, ${itemText}` };
}

/**
 * Appends `value` to the sequence at `ctx.path`. A missing key or an empty
 * value starts a block sequence (a flow one inside a flow collection); an
 * empty `[]` under a key of a block mapping becomes a block sequence when the
 * item is a collection, since people edit those line by line.
 */
export function planAppend(
  ctx: EditContext,
  value: YamlValue,
  options: AppendOptions = {},
): Splice[] {
  const { path, doc, text } = ctx;
  const resolved = resolvePath(doc, path);
  const { nodes, entries, found } = resolved;
  const target = nodes[found];
  const style = blockStyleOf(
    text,
    doc.contents,
    target ?? undefined,
    keyOf(entries[found]),
  );
  const item = writtenValue(value, style);
  const newSequence = () => writtenNewSequence(item, options.commentBefore);

  if (path.length === 0 && isEmptyValue(target)) {
    return [insertIntoEmptyDocument(ctx, newSequence().block!.lines)];
  }
  if (found < path.length || isEmptyValue(target)) {
    return planWrite(ctx, () => newSequence());
  }
  checkEditable(resolved, path);
  if (!isSeq(target)) {
    throw new YamlEditError(
      'not-a-sequence',
      isMap(target) ? 'is a mapping, not a sequence' : 'is not a sequence',
      path,
    );
  }
  if (!target.flow) {
    return [appendToBlock(ctx, target, item, options)];
  }
  const entry = entries[found];
  const underBlockKey = entry.kind === 'pair' && !entry.map.flow;
  if (target.items.length === 0 && item.block && underBlockKey) {
    return writeValue(ctx, entry, target, newSequence(), style);
  }
  return [appendToFlow(ctx, target, item)];
}
