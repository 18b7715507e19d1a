/** Why an edit could not be applied to a catalog file. */
export type CatalogEditErrorCode =
  /** The entity is not declared in the file. */
  | 'entity-not-in-file'
  /** The file already says what the edit would write. */
  | 'already-applied'
  /** The file has a shape the edit cannot change safely (e.g. `spec` is not a mapping). */
  | 'unsupported-shape'
  /** The value to write is not a valid entity reference. */
  | 'invalid-reference'
  /** The service model refuses the value (or the field) for this entity. */
  | 'invalid-value';

/** An edit that was refused; the file is left as it was. */
export class CatalogEditError extends Error {
  readonly code: CatalogEditErrorCode;

  constructor(code: CatalogEditErrorCode, message: string) {
    super(message);
    this.name = 'CatalogEditError';
    this.code = code;
  }
}
