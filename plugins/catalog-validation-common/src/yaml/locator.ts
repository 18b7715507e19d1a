import {
  Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  Node,
} from 'yaml';
import { PathSegment, SourcePosition } from '../types';

/** Which side of a mapping entry to point at. */
export type PathPart = 'key' | 'value';

/** Turns paths into an entity into positions in the YAML text. */
export type Locator = {
  /** Where the document's content starts. */
  start: SourcePosition;
  /**
   * The position of the node at `path`. When the path does not exist, the
   * position of the deepest part of it that does.
   */
  position(path: PathSegment[], part?: PathPart): SourcePosition;
};

type Step = { key?: Node; value?: Node | null };

function childOf(doc: Document, node: unknown, segment: PathSegment): Step {
  const target = isAlias(node) ? node.resolve(doc) : node;
  if (isMap(target)) {
    const pair = target.items.find(
      item => isScalar(item.key) && String(item.key.value) === String(segment),
    );
    if (pair) {
      return { key: pair.key as Node, value: pair.value as Node | null };
    }
  } else if (isSeq(target) && typeof segment === 'number') {
    const item = target.items[segment];
    if (item !== undefined) {
      return { value: item as Node | null };
    }
  }
  return {};
}

/** Where a node starts; undefined for a missing or empty (zero-length) node. */
function offsetOf(node: Node | null | undefined): number | undefined {
  const range = node?.range;
  return range && range[1] > range[0] ? range[0] : undefined;
}

/** Creates a {@link Locator} for one parsed document. */
export function createLocator(
  doc: Document,
  lineCounter: LineCounter,
): Locator {
  const toPosition = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const startOffset =
    offsetOf(doc.contents as Node | null) ?? doc.range?.[0] ?? 0;
  const start = toPosition(startOffset);

  return {
    start,
    position(path, part = 'value') {
      let node: unknown = doc.contents;
      let offset = startOffset;
      for (let i = 0; i < path.length; i++) {
        const step = childOf(doc, node, path[i]);
        if (!step.key && step.value === undefined) {
          return toPosition(offset);
        }
        const keyOffset = offsetOf(step.key);
        const valueOffset = offsetOf(step.value);
        const isLast = i === path.length - 1;
        const preferKey = isLast && part === 'key';
        offset =
          (preferKey ? keyOffset ?? valueOffset : valueOffset ?? keyOffset) ??
          offset;
        if (!isLast && keyOffset !== undefined) {
          // A later segment that is missing falls back to this entry's key.
          offset = keyOffset;
        }
        node = step.value;
      }
      return toPosition(offset);
    },
  };
}
