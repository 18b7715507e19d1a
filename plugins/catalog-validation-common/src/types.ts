import type { OpenSloRule } from '@internal/plugin-telemetry-common';

/** How bad a violation is: errors fail a CI run, warnings do not. */
export type Severity = 'error' | 'warning';

/** The identifiers of the validation rules. */
export type RuleId =
  | 'parse-limit'
  | 'yaml-syntax'
  | 'not-an-object'
  | 'required-field'
  | 'schema'
  | 'foreign-root-field'
  | 'unknown-kind'
  | 'entity-name'
  | 'entity-namespace'
  | 'label-format'
  | 'annotation-format'
  | 'tag-format'
  | 'unsafe-link'
  | 'invalid-reference'
  | 'service-model'
  | 'duplicate-entity'
  | 'missing-reference'
  /** OpenSLO files (`openslo/…`), checked with telemetry-common's rules. */
  | OpenSloRule;

/** A 1-based line and column in a file. */
export type SourcePosition = {
  line: number;
  column: number;
};

/** One problem found in a catalog file. */
export type Violation = SourcePosition & {
  /** The file, as the caller named it. */
  file: string;
  rule: RuleId;
  severity: Severity;
  message: string;
  /** How to fix it. */
  hint: string;
  /** The entity the problem belongs to, when the document could be identified. */
  entityRef?: string;
};

/** A step in a path into an entity: a mapping key or a sequence index. */
export type PathSegment = string | number;

/** A reference from an entity to another one, as Backstage's processors read it. */
export type EntityReference = {
  /** Where the reference is written, e.g. `['spec', 'dependsOn', 0]`. */
  path: PathSegment[];
  /** The field, e.g. `spec.dependsOn`. */
  field: string;
  /** The relation the catalog emits for it, e.g. `ownedBy`. */
  relation: string;
  /** The reference exactly as written. */
  value: string;
  /** The kind used when the reference names none; absent means the kind is required. */
  defaultKind?: string;
  /** The kinds this field may point at; the catalog drops relations to other kinds. */
  allowedKinds?: string[];
  /** The full, normalised reference (`kind:namespace/name`, lower case); absent when invalid. */
  targetRef?: string;
  /** Why the reference cannot be resolved, when it cannot. */
  error?: string;
};

/** An entity reference with the place it is written. */
export type LocatedEntityReference = EntityReference &
  SourcePosition & {
    file: string;
    /** The entity that makes the reference. */
    sourceRef: string;
  };

/** An entity found in a catalog file. */
export type ValidatedEntity = SourcePosition & {
  file: string;
  /** Normalised entity ref, e.g. `component:default/auth`. */
  ref: string;
  kind: string;
  namespace: string;
  name: string;
  /** 1-based index of the YAML document in its file. */
  document: number;
  /** True when no error-level violation belongs to this entity. */
  valid: boolean;
  /** Its `strata.dev/slo-file` annotation (the SLO file, relative to this file), if any. */
  sloFile?: SourcePosition & { path: string };
  references: LocatedEntityReference[];
};

/** The outcome of validating one file. */
export type FileValidationResult = {
  file: string;
  /** Non-empty YAML documents in the file. */
  documents: number;
  entities: ValidatedEntity[];
  violations: Violation[];
};

/** A file to validate together with others. */
export type CatalogFileInput = {
  path: string;
  text: string;
};

/** The outcome of validating a set of files together. */
export type CatalogValidationResult = {
  files: FileValidationResult[];
  entities: ValidatedEntity[];
  violations: Violation[];
  errors: number;
  warnings: number;
};
