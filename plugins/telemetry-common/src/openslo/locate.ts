import { Document, isMap, isScalar, isSeq, LineCounter, Node } from 'yaml';
import type { DocumentPathSegment, OpenSloDocumentInput } from './types';

/** Where a node starts; undefined for a missing or zero-length (empty) node. */
function startOf(node: Node | null | undefined): number | undefined {
  const range = node?.range;
  return range && range[1] > range[0] ? range[0] : undefined;
}

/**
 * Wraps a parsed YAML document as an {@link OpenSloDocumentInput}: its JSON value and the
 * position of any path in it (the deepest existing part of a missing path, so a missing field
 * is reported at the mapping that should hold it).
 */
export function locatedDocument(
  doc: Document,
  lineCounter: LineCounter,
  value: unknown,
): OpenSloDocumentInput {
  const start = startOf(doc.contents as Node | null) ?? doc.range?.[0] ?? 0;
  return {
    value,
    position(path: DocumentPathSegment[], part: 'key' | 'value' = 'value') {
      let node: unknown = doc.contents;
      let offset = start;
      for (let i = 0; i < path.length; i++) {
        const isLast = i === path.length - 1;
        let key: Node | undefined;
        let child: Node | null | undefined;
        if (isMap(node)) {
          const pair = node.items.find(
            item =>
              isScalar(item.key) && String(item.key.value) === String(path[i]),
          );
          if (!pair) break;
          key = pair.key as Node;
          child = pair.value as Node | null;
        } else if (isSeq(node) && typeof path[i] === 'number') {
          child = node.items[path[i] as number] as Node | undefined;
          if (child === undefined) break;
        } else {
          break;
        }
        const keyStart = startOf(key);
        const valueStart = startOf(child);
        if (!isLast) {
          offset = keyStart ?? valueStart ?? offset;
        } else if (part === 'key') {
          offset = keyStart ?? valueStart ?? offset;
        } else {
          offset = valueStart ?? keyStart ?? offset;
        }
        node = child;
      }
      const { line, col } = lineCounter.linePos(offset);
      return { line, column: col };
    },
  };
}
