import { Document } from 'yaml';
import { YamlPath } from './types';

/** What every planned edit reads: the whole text and the document being edited. */
export type EditContext = {
  text: string;
  /** The line break the text uses (`\r\n` when it has any). */
  eol: string;
  doc: Document.Parsed;
  /** Where the document's content ends, for writing into an empty one. */
  documentEnd: number;
  /** The path of the edit, for error messages. */
  path: YamlPath;
};
