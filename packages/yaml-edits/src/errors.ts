import { formatPath, YamlPath } from './types';

/** Why an edit was refused. */
export type YamlEditErrorCode =
  /** The document to edit does not parse. */
  | 'syntax-error'
  /** No document at that index, or none (or several) matching the predicate. */
  | 'no-such-document'
  /** The key or item to remove or go through is not there (or an index past the end). */
  | 'not-found'
  /** The path goes through something that is not a mapping (e.g. a scalar). */
  | 'not-a-map'
  /** The path goes through, or appends to, something that is not a sequence. */
  | 'not-a-sequence'
  /** The path goes through an alias (`*name`): editing it would edit the anchored node. */
  | 'alias'
  /** The node carries an anchor (aliases share it) or an explicit tag (it fixes the type). */
  | 'anchor-or-tag'
  /** A shape the editor does not write into, e.g. an explicit `? key` or a complex key. */
  | 'unsupported-style'
  /** The value cannot be written as YAML (undefined, a function, NaN, a multi-line key, ...). */
  | 'invalid-value'
  /** The written text would not read back as the edit means; nothing was changed. */
  | 'not-faithful';

/** An edit that was refused; the text stays as it was. */
export class YamlEditError extends Error {
  readonly code: YamlEditErrorCode;
  /** The path of the edit, when the refusal is about one. */
  readonly path?: YamlPath;

  constructor(code: YamlEditErrorCode, message: string, path?: YamlPath) {
    super(path ? `${formatPath(path)}: ${message}` : message);
    this.name = 'YamlEditError';
    this.code = code;
    this.path = path;
  }
}
