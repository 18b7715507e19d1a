import { isMap, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import { EditContext } from './context';
import { YamlEditError } from './errors';
import { dashOf, itemEnd, pairEnd, rangeOf } from './positions';
import { writtenValue } from './render';
import { checkEditable, Entry, resolvePath } from './resolve';
import { blockStyleOf } from './style';
import { endOfLastLine, Splice, startsItsLine } from './text';
import { removeLines, writeValue } from './writeValue';

type Span = { start: number; end: number };

function spanOfEntry(
  ctx: EditContext,
  container: YAMLMap | YAMLSeq,
  index: number,
): Span {
  if (isMap(container)) {
    const pair = container.items[index] as Pair;
    if (!pair.key) {
      throw new YamlEditError(
        'unsupported-style',
        'has an empty key',
        ctx.path,
      );
    }
    return {
      start: rangeOf(pair.key)[0],
      end: pairEnd(ctx.text, pair, ctx.path),
    };
  }
  const item = container.items[index] as Node;
  return { start: rangeOf(item)[0], end: rangeOf(item)[1] };
}

/** `a, ` before the next entry, or `, a` after the previous one, inside `{...}` / `[...]`. */
function removeFromFlow(
  ctx: EditContext,
  container: YAMLMap | YAMLSeq,
  index: number,
): Splice {
  const here = spanOfEntry(ctx, container, index);
  if (index < container.items.length - 1) {
    const next = spanOfEntry(ctx, container, index + 1);
    return { start: here.start, end: next.start, text: '' };
  }
  const previous = spanOfEntry(ctx, container, index - 1);
  return { start: previous.end, end: here.end, text: '' };
}

/** The lines of a pair or item of a block collection. */
function removeFromBlock(
  ctx: EditContext,
  container: YAMLMap | YAMLSeq,
  index: number,
): Splice {
  const { text } = ctx;
  if (isMap(container)) {
    const { start, end } = spanOfEntry(ctx, container, index);
    if (startsItsLine(text, start)) {
      return removeLines(text, start, endOfLastLine(text, end));
    }
    // The first key of a mapping that is a sequence item (`- key: value`):
    // the next key moves up after the `- `.
    const next = spanOfEntry(ctx, container, index + 1);
    return { start, end: next.start, text: '' };
  }
  const dash = dashOf(container, index, ctx.path);
  if (!startsItsLine(text, dash)) {
    throw new YamlEditError(
      'unsupported-style',
      'is an item written on the line of another item (`- - a`)',
      ctx.path,
    );
  }
  const end = itemEnd(container, index, dash);
  return removeLines(text, dash, endOfLastLine(text, end));
}

/**
 * Removes the key or item at `ctx.path`. The last entry of a collection
 * leaves `{}` or `[]` behind (what the data then is), not an empty value.
 */
export function planRemove(ctx: EditContext): Splice[] {
  const { path, doc, text } = ctx;
  if (path.length === 0) {
    throw new YamlEditError(
      'unsupported-style',
      'the whole document is not removed',
      path,
    );
  }
  const resolved = resolvePath(doc, path);
  if (resolved.found < path.length) {
    throw new YamlEditError('not-found', 'is not there', path);
  }
  checkEditable(resolved, path, { targetMayBeAlias: true });
  const entry = resolved.entries[path.length] as Exclude<
    Entry,
    { kind: 'root' }
  >;
  const container = entry.kind === 'pair' ? entry.map : entry.seq;
  if (container.items.length === 1) {
    const style = blockStyleOf(text, doc.contents);
    const empty = writtenValue(isMap(container) ? {} : [], style);
    return writeValue(
      { ...ctx, path: path.slice(0, -1) },
      resolved.entries[path.length - 1],
      container,
      empty,
      style,
    );
  }
  if (container.flow) {
    return [removeFromFlow(ctx, container, entry.index)];
  }
  return [removeFromBlock(ctx, container, entry.index)];
}
