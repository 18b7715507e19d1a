import {
  DATABASE_ENGINES,
  DatabaseEngine,
  SERVICE_TIERS,
  ServiceTier,
} from '@internal/plugin-service-model-common';

/**
 * The service-model fields a `setSpecField` edit can write, with the type of
 * their value. The allowed values themselves come from the service model
 * (`@internal/plugin-service-model-common`), whose rules also check them.
 */
export type SpecFieldValues = {
  'spec.tier': ServiceTier;
  'spec.engine': DatabaseEngine;
  'spec.personalData': boolean;
  /** The topic or queue name on the broker. */
  'spec.topic': string;
  /** Entity ref (default kind `api`) of the AsyncAPI API of the messages. */
  'spec.schema': string;
};

/** A path a `setSpecField` edit can write. */
export type SpecFieldPath = keyof SpecFieldValues;

/** How the portal shows and asks for one field. */
export type SpecFieldDescription = {
  /** The key under `spec`, e.g. `tier`. */
  key: string;
  /** The kind of entity that carries the field (lower case). */
  kind: 'component' | 'resource';
  /** What it is, lower case, e.g. `tier`, `database engine`. */
  label: string;
  /** The values to pick from; absent for free text. */
  choices?: ReadonlyArray<string | number | boolean>;
};

/** Every path a `setSpecField` edit can write, with how to show it. */
export const SPEC_FIELDS: Readonly<
  Record<SpecFieldPath, SpecFieldDescription>
> = {
  'spec.tier': {
    key: 'tier',
    kind: 'component',
    label: 'tier',
    choices: SERVICE_TIERS,
  },
  'spec.engine': {
    key: 'engine',
    kind: 'resource',
    label: 'database engine',
    choices: DATABASE_ENGINES,
  },
  'spec.personalData': {
    key: 'personalData',
    kind: 'resource',
    label: 'personal data',
    choices: [true, false],
  },
  'spec.topic': { key: 'topic', kind: 'resource', label: 'topic' },
  'spec.schema': { key: 'schema', kind: 'resource', label: 'message schema' },
};

/** The paths of {@link SPEC_FIELDS}, in the order the service model lists them. */
export const SPEC_FIELD_PATHS = Object.keys(SPEC_FIELDS) as SpecFieldPath[];

/** Whether `path` is one a `setSpecField` edit can write. */
export function isSpecFieldPath(path: unknown): path is SpecFieldPath {
  return (
    typeof path === 'string' &&
    Object.prototype.hasOwnProperty.call(SPEC_FIELDS, path)
  );
}

/**
 * The value a form's text stands for: a number for a choice that is a number
 * (`'2'` → 2 for the tier), a boolean for `'true'`/`'false'` choices, else the
 * trimmed text. Whether the value is allowed is the service model's call.
 */
export function specFieldValueFromText<P extends SpecFieldPath>(
  path: P,
  text: string,
): SpecFieldValues[P] {
  const trimmed = text.trim();
  const choice = SPEC_FIELDS[path].choices?.find(c => String(c) === trimmed);
  return (choice ?? trimmed) as SpecFieldValues[P];
}
