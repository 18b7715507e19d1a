import { isScalar, YAMLMap } from 'yaml';
import { EditContext } from './context';
import { YamlEditError } from './errors';
import { insertIntoEmptyDocument, insertPair } from './insert';
import { BlockStyle, pairLines, Written, writtenPair } from './render';
import { checkEditable, isEmptyValue, keyOf, resolvePath } from './resolve';
import { blockStyleOf } from './style';
import { Splice } from './text';
import { writeValue } from './writeValue';

/**
 * Writes `value` (already rendered) at `ctx.path`: replaces what is there, or
 * adds the first missing key, with the keys still missing after it as nested
 * mappings. `after` places a new last key after that sibling.
 */
export function planWrite(
  ctx: EditContext,
  value: (style: BlockStyle) => Written,
  options: {
    after?: string;
    /** True when the node already holds the value: nothing is written. */
    unchanged?: (node: unknown) => boolean;
  } = {},
): Splice[] {
  const { path, doc, text } = ctx;
  if (path.length === 0) {
    throw new YamlEditError(
      'unsupported-style',
      'the whole document is not replaced; edit a path inside it',
      path,
    );
  }
  const resolved = resolvePath(doc, path);
  checkEditable(resolved, path, { targetMayBeAlias: true });
  const { nodes, entries, found } = resolved;
  const here = nodes[found];
  const style = blockStyleOf(
    text,
    doc.contents,
    here ?? undefined,
    keyOf(entries[found]),
  );

  if (found === path.length) {
    if (options.unchanged?.(here)) {
      return [];
    }
    return writeValue(ctx, entries[found], here, value(style), style);
  }

  const missing = path.slice(found);
  if (missing.some(segment => typeof segment === 'number')) {
    throw new YamlEditError(
      'not-found',
      'has no such item; only mapping keys are added',
      path.slice(0, found + missing.findIndex(s => typeof s === 'number') + 1),
    );
  }
  const [first, ...rest] = missing as string[];
  let nested = value(style);
  for (const key of [...rest].reverse()) {
    nested = writtenPair(key, nested, style);
  }
  if (!isEmptyValue(here)) {
    // resolvePath stops at an existing mapping that lacks the key.
    return insertPair(
      ctx,
      here as YAMLMap,
      first,
      nested,
      style,
      options.after,
    );
  }
  if (found === 0) {
    return [insertIntoEmptyDocument(ctx, pairLines(first, nested, style))];
  }
  return writeValue(
    ctx,
    entries[found],
    here,
    writtenPair(first, nested, style),
    style,
  );
}

/** The plain value a scalar node holds, to skip writing what is already there. */
export function holds(node: unknown, value: unknown): boolean {
  return (
    isScalar(node) &&
    value !== null &&
    typeof value !== 'object' &&
    node.value === value &&
    !node.tag
  );
}
