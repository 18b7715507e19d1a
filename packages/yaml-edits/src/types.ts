/**
 * Where a node sits in a document: mapping keys (strings) and sequence
 * indexes (numbers) from the root, e.g. `['spec', 'dependsOn', 0]`.
 */
export type YamlPath = ReadonlyArray<string | number>;

/** A value the editor can write: what JSON can say. */
export type YamlValue =
  | null
  | boolean
  | number
  | string
  | YamlValue[]
  | { [key: string]: YamlValue };

/** Sets the value at `path`, adding the missing mapping keys on the way. */
export type SetEdit = {
  op: 'set';
  path: YamlPath;
  value: YamlValue;
  /** When the key is new: write it right after this sibling key (if present) instead of last. */
  after?: string;
};

/** Appends an item to the sequence at `path`; a missing or empty (`key:`) value starts one. */
export type AppendEdit = {
  op: 'append';
  path: YamlPath;
  value: YamlValue;
  /** A comment line written above the new item of a block sequence (left out in a flow `[...]`). */
  commentBefore?: string;
  /** An empty line above the new item of a block sequence. */
  blankLineBefore?: boolean;
};

/** Removes the mapping key or sequence item at `path`. */
export type RemoveEdit = { op: 'remove'; path: YamlPath };

/** One change to one document of a YAML text. */
export type YamlEdit = SetEdit | AppendEdit | RemoveEdit;

const SIMPLE_KEY = /^[A-Za-z_$][\w$-]*$/;

/** `spec.owner`, `routes[2].backends[0].weight`, `metadata.annotations["strata.dev/x"]`. */
export function formatPath(path: YamlPath): string {
  if (path.length === 0) {
    return 'the document root';
  }
  return path
    .map((segment, index) => {
      if (typeof segment === 'number') {
        return `[${segment}]`;
      }
      if (!SIMPLE_KEY.test(segment)) {
        return `[${JSON.stringify(segment)}]`;
      }
      return index === 0 ? segment : `.${segment}`;
    })
    .join('');
}
