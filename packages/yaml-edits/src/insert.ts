import { YAMLMap } from 'yaml';
import { EditContext } from './context';
import { pairEnd, rangeOf } from './positions';
import { BlockStyle, flowPairText, pairLines, Written } from './render';
import { indexOfKey } from './resolve';
import { column, endOfLastLine, indentLines, Splice } from './text';
import { paddingOf } from './writeValue';

/**
 * Adds `key: value` to a mapping: after the pair `after` names (when present)
 * or after the last pair. In a block mapping it is a new line (or lines) at
 * the column of the other keys, after the comment that ends the previous
 * pair's line; in a flow mapping it is `, key: value` before the `}`.
 */
export function insertPair(
  ctx: EditContext,
  map: YAMLMap,
  key: string,
  value: Written,
  style: BlockStyle,
  after?: string,
): Splice[] {
  const { text, eol } = ctx;
  const afterIndex = after === undefined ? -1 : indexOfKey(map, after);
  const previous =
    map.items[afterIndex >= 0 ? afterIndex : map.items.length - 1];
  if (map.flow) {
    const padding = paddingOf(text, map);
    const pairText = flowPairText(key, value, padding);
    if (!previous) {
      const open = rangeOf(map)[0] + 1;
      return [{ start: open, end: open, text: pairText }];
    }
    const at = pairEnd(text, previous, ctx.path);
    return [{ start: at, end: at, text: `, ${pairText}` }];
  }
  const keyColumn = column(text, rangeOf(map)[0]);
  const lines = indentLines(pairLines(key, value, style), keyColumn);
  const at = endOfLastLine(text, pairEnd(text, previous, ctx.path));
  return [{ start: at, end: at, text: `${eol}${lines.join(eol)}` }];
}

/** Writes the first content of an empty document (`lines` at column 0). */
export function insertIntoEmptyDocument(
  ctx: EditContext,
  lines: string[],
): Splice {
  const { text, eol } = ctx;
  const at = ctx.documentEnd;
  const before = at > 0 && text[at - 1] !== '\n' ? eol : '';
  const keepsNoFinalBreak =
    at === text.length && text.length > 0 && !text.endsWith('\n');
  return {
    start: at,
    end: at,
    text: `${before}${lines.join(eol)}${keepsNoFinalBreak ? '' : eol}`,
  };
}
