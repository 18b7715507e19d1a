import {
  Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  Node,
  Pair,
  YAMLMap,
  YAMLSeq,
} from 'yaml';
import { YamlEditError } from './errors';
import { YamlPath } from './types';

/** How a node hangs off its parent. */
export type Entry =
  | { kind: 'root' }
  | { kind: 'pair'; map: YAMLMap; pair: Pair; index: number }
  | { kind: 'item'; seq: YAMLSeq; index: number };

/** What of a path exists in a document. */
export type Resolved = {
  /** `nodes[i]` is the node at `path.slice(0, i)`; `nodes[0]` the root. */
  nodes: Array<Node | null>;
  /** `entries[i]` says how `nodes[i]` hangs off `nodes[i - 1]`. */
  entries: Entry[];
  /** How many segments of the path exist (the path's length when all do). */
  found: number;
};

/** An empty value: nothing after `key:`, `~` or `null` (without a tag). */
export function isEmptyValue(node: unknown): boolean {
  return (
    node === null ||
    node === undefined ||
    (isScalar(node) && node.value === null && !node.tag)
  );
}

/** The index of `key` among a mapping's scalar keys, or -1. */
export function indexOfKey(map: YAMLMap, key: string): number {
  return map.items.findIndex(
    pair => isScalar(pair.key) && String(pair.key.value) === key,
  );
}

/**
 * Follows `path` from the root as far as it exists. Throws when it goes
 * through an alias, or through a node that is neither the collection the
 * next segment needs nor empty.
 */
export function resolvePath(doc: Document, path: YamlPath): Resolved {
  let node = (doc.contents ?? null) as Node | null;
  const nodes: Array<Node | null> = [node];
  const entries: Entry[] = [{ kind: 'root' }];
  for (let i = 0; i < path.length; i += 1) {
    const segment = path[i];
    const here = path.slice(0, i);
    if (isAlias(node)) {
      throw new YamlEditError(
        'alias',
        `is an alias (${node.source}); edit the anchored node instead`,
        here,
      );
    }
    if (isEmptyValue(node)) {
      break;
    }
    if (typeof segment === 'number') {
      if (!isSeq(node)) {
        throw new YamlEditError('not-a-sequence', 'is not a sequence', here);
      }
      if (!Number.isInteger(segment) || segment < 0) {
        throw new YamlEditError(
          'not-found',
          `${segment} is not an index`,
          here,
        );
      }
      if (segment >= node.items.length) {
        break;
      }
      entries.push({ kind: 'item', seq: node, index: segment });
      node = node.items[segment] as Node | null;
    } else {
      if (!isMap(node)) {
        throw new YamlEditError(
          'not-a-map',
          isSeq(node) ? 'is a sequence, not a mapping' : 'is not a mapping',
          here,
        );
      }
      const index = indexOfKey(node, segment);
      if (index < 0) {
        break;
      }
      const pair = node.items[index];
      entries.push({ kind: 'pair', map: node, pair, index });
      node = (pair.value ?? null) as Node | null;
    }
    nodes.push(node);
  }
  return { nodes, entries, found: nodes.length - 1 };
}

/** Refuses to edit through or at nodes that other nodes share (anchors) or whose type is fixed (tags). */
export function checkEditable(
  resolved: Resolved,
  path: YamlPath,
  options: { targetMayBeAlias?: boolean } = {},
) {
  resolved.nodes.forEach((node, depth) => {
    const here = path.slice(0, depth);
    const isTarget = depth === path.length;
    if (node && (node as { anchor?: string }).anchor) {
      throw new YamlEditError(
        'anchor-or-tag',
        `has the anchor &${
          (node as { anchor?: string }).anchor
        }; aliases share it, so it is not edited here`,
        here,
      );
    }
    if (isTarget && node && !isAlias(node) && (node as { tag?: string }).tag) {
      throw new YamlEditError(
        'anchor-or-tag',
        `has the explicit tag ${
          (node as { tag?: string }).tag
        }; it is not replaced here`,
        here,
      );
    }
    if (isTarget && isAlias(node) && !options.targetMayBeAlias) {
      throw new YamlEditError('alias', `is an alias (${node.source})`, here);
    }
  });
  for (const entry of resolved.entries) {
    if (entry.kind === 'pair') {
      const key = entry.pair.key as { anchor?: string } | null;
      if (key?.anchor) {
        throw new YamlEditError(
          'anchor-or-tag',
          `its key has the anchor &${key.anchor}`,
          path,
        );
      }
    }
  }
}

/** The key node a pair entry hangs from (none for an item or the root). */
export function keyOf(entry: Entry): unknown {
  return entry.kind === 'pair' ? entry.pair.key : undefined;
}
