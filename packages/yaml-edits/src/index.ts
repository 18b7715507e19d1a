/**
 * Minimal, byte-preserving edits of YAML text: set a value, append to a
 * sequence or remove an entry at a path of one document, keeping comments,
 * blank lines, quoting, indentation, line endings and the other documents as
 * written. One editor for every Strata caller that changes a YAML file people
 * review (catalog-info.yaml proposals, gateway routes, annotations).
 *
 * @packageDocumentation
 */

export { YamlEditor } from './YamlEditor';
export { findDocuments } from './documents';
export { YamlEditError } from './errors';
export type { YamlEditErrorCode } from './errors';
export { applyEditToValue } from './model';
export { formatPath } from './types';
export type {
  AppendEdit,
  RemoveEdit,
  SetEdit,
  YamlEdit,
  YamlPath,
  YamlValue,
} from './types';
