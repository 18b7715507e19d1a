import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  formatModelViolation,
  validateServiceModel,
} from '@internal/plugin-service-model-common';
import {
  Document,
  isMap,
  isScalar,
  isSeq,
  Node,
  Pair,
  parseAllDocuments,
  Scalar,
  stringify,
  YAMLMap,
} from 'yaml';
import { CatalogEditError } from './errors';
import { isSpecFieldPath, SPEC_FIELDS } from './specFields';
import { CatalogEdit, SetSpecFieldEdit } from './types';

/*
 * The edits are surgical: the file is parsed with `yaml` to find the nodes to
 * change and their source ranges, and only those bytes are rewritten. Every
 * other byte of the file (comments, blank lines, quoting, indentation, other
 * documents) stays exactly as it was. Re-serialising the whole Document would
 * re-indent sequences, move comments and drop blank lines.
 */

type LocatedEntity = {
  spec: YAMLMap;
  namespace: string;
  /** The entity as the catalog would read it from this document. */
  entity: Entity;
};

type Range = [number, number, number];

const SAFE_REF = /^[A-Za-z0-9]+:[A-Za-z0-9._-]+\/[A-Za-z0-9._-]+$/;

function rangeOf(node: unknown): Range {
  return (node as Node).range as Range;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  if (newline === -1) {
    return text.length;
  }
  return text[newline - 1] === '\r' ? newline - 1 : newline;
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

function insertLinesAfter(text: string, offset: number, lines: string[]) {
  // A collection's range can run past its last line; step back onto it.
  let end = offset;
  while (end > 0 && /\s/.test(text[end - 1])) {
    end -= 1;
  }
  const at = lineEnd(text, end);
  const eol = eolOf(text);
  return `${text.slice(0, at)}${lines
    .map(l => `${eol}${l}`)
    .join('')}${text.slice(at)}`;
}

function replaceRange(text: string, start: number, end: number, value: string) {
  return `${text.slice(0, start)}${value}${text.slice(end)}`;
}

function scalarString(node: unknown): string | undefined {
  if (isScalar(node) && node.value !== null && node.value !== undefined) {
    return String(node.value);
  }
  return undefined;
}

/** The full, lower-case form of a reference; throws when it is not one. */
export function normalizeRef(
  ref: string,
  options: { defaultKind: string; defaultNamespace: string; kinds: string[] },
): string {
  let normalized: string;
  try {
    normalized = stringifyEntityRef(
      parseEntityRef(ref.trim(), {
        defaultKind: options.defaultKind,
        defaultNamespace: options.defaultNamespace,
      }),
    ).toLocaleLowerCase('en-US');
  } catch (error) {
    throw new CatalogEditError(
      'invalid-reference',
      `'${ref}' is not a valid entity reference`,
    );
  }
  const kind = normalized.slice(0, normalized.indexOf(':'));
  if (!SAFE_REF.test(normalized) || !options.kinds.includes(kind)) {
    throw new CatalogEditError(
      'invalid-reference',
      `'${ref}' is not a valid reference to a ${options.kinds.join(' or ')}`,
    );
  }
  return normalized;
}

function tryNormalize(
  ref: string,
  defaultKind: string,
  defaultNamespace: string,
): string | undefined {
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, { defaultKind, defaultNamespace }),
    ).toLocaleLowerCase('en-US');
  } catch {
    return undefined;
  }
}

function locateEntity(
  text: string,
  entityRef: string,
  options: { flowSpec?: boolean } = {},
): LocatedEntity {
  let target;
  try {
    target = parseEntityRef(entityRef);
  } catch {
    throw new CatalogEditError(
      'invalid-reference',
      `'${entityRef}' is not a valid entity reference`,
    );
  }
  const documents = parseAllDocuments(text) as Document.Parsed[];
  for (const doc of documents) {
    const root = doc.contents;
    if (!isMap(root)) {
      continue;
    }
    const kind = scalarString(root.get('kind', true));
    const metadata = root.get('metadata', true);
    if (!kind || !isMap(metadata)) {
      continue;
    }
    const name = scalarString(metadata.get('name', true));
    const namespace =
      scalarString(metadata.get('namespace', true)) ?? 'default';
    const same = (a: string | undefined, b: string) =>
      a?.toLocaleLowerCase('en-US') === b.toLocaleLowerCase('en-US');
    if (
      !same(kind, target.kind) ||
      !same(name, target.name) ||
      !same(namespace, target.namespace)
    ) {
      continue;
    }
    if (doc.errors.length > 0) {
      throw new CatalogEditError(
        'unsupported-shape',
        `The YAML document of ${entityRef} has syntax errors: ${doc.errors[0].message}`,
      );
    }
    const spec = root.get('spec', true);
    const editable =
      isMap(spec) && (spec.flow ? options.flowSpec : spec.items.length > 0);
    if (!editable) {
      throw new CatalogEditError(
        'unsupported-shape',
        `The spec of ${entityRef} is not a block mapping; it cannot be edited safely`,
      );
    }
    return { spec, namespace, entity: doc.toJS() as Entity };
  }
  throw new CatalogEditError(
    'entity-not-in-file',
    `${entityRef} is not declared in this file`,
  );
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find(p => scalarString(p.key) === key);
}

/** The text offset where a pair ends (its value, or its key when empty). */
function pairEnd(pair: Pair): number {
  if (pair.value && (pair.value as Node).range) {
    return rangeOf(pair.value)[1];
  }
  return rangeOf(pair.key)[1];
}

function keyIndent(text: string, spec: YAMLMap): string {
  return ' '.repeat(column(text, rangeOf(spec.items[0].key)[0]));
}

/** How far the file indents `- item` under its key (0 or more columns). */
function sequenceIndent(text: string, spec: YAMLMap): number {
  for (const pair of spec.items) {
    const value = pair.value;
    if (isSeq(value) && !value.flow && value.items.length > 0) {
      const item = rangeOf(value.items[0])[0];
      const dash = text.lastIndexOf('-', item);
      return column(text, dash) - column(text, rangeOf(pair.key)[0]);
    }
  }
  return 2;
}

function quoteLike(node: Scalar, value: string): string {
  if (node.type === Scalar.QUOTE_DOUBLE) {
    return `"${value}"`;
  }
  if (node.type === Scalar.QUOTE_SINGLE) {
    return `'${value}'`;
  }
  return value;
}

/** Changes `spec.owner` of the entity; adds it when missing. */
export function setOwner(
  text: string,
  entityRef: string,
  newOwner: string,
): string {
  const { spec, namespace } = locateEntity(text, entityRef);
  const owner = normalizeRef(newOwner, {
    defaultKind: 'group',
    defaultNamespace: namespace,
    kinds: ['group', 'user'],
  });
  const pair = findPair(spec, 'owner');
  if (!pair) {
    const after = findPair(spec, 'type') ?? spec.items[spec.items.length - 1];
    return insertLinesAfter(text, pairEnd(after), [
      `${keyIndent(text, spec)}owner: ${owner}`,
    ]);
  }
  const current = scalarString(pair.value);
  if (current === undefined) {
    if (pair.value && !isScalar(pair.value)) {
      throw new CatalogEditError(
        'unsupported-shape',
        `spec.owner of ${entityRef} is not a single value`,
      );
    }
    const colon = text.indexOf(':', rangeOf(pair.key)[1]);
    return replaceRange(text, colon + 1, colon + 1, ` ${owner}`);
  }
  if (tryNormalize(current, 'group', namespace) === owner) {
    throw new CatalogEditError(
      'already-applied',
      `${entityRef} is already owned by ${owner}`,
    );
  }
  const [start, end] = rangeOf(pair.value);
  return replaceRange(text, start, end, quoteLike(pair.value as Scalar, owner));
}

function addToList(
  text: string,
  entityRef: string,
  field: 'dependsOn' | 'produces' | 'consumes',
  ref: string,
): string {
  const { spec, namespace } = locateEntity(text, entityRef);
  const value = normalizeRef(ref, {
    defaultKind: 'resource',
    defaultNamespace: namespace,
    kinds: ['resource'],
  });
  const indent = keyIndent(text, spec);
  const itemIndent = ' '.repeat(indent.length + sequenceIndent(text, spec));
  const pair = findPair(spec, field);
  if (!pair) {
    return insertLinesAfter(text, pairEnd(spec.items[spec.items.length - 1]), [
      `${indent}${field}:`,
      `${itemIndent}- ${value}`,
    ]);
  }
  const list = pair.value;
  if (!list || (isScalar(list) && list.value === null)) {
    return insertLinesAfter(text, rangeOf(pair.key)[1], [
      `${itemIndent}- ${value}`,
    ]);
  }
  if (!isSeq(list)) {
    throw new CatalogEditError(
      'unsupported-shape',
      `spec.${field} of ${entityRef} is not a list`,
    );
  }
  const present = list.items.some(item => {
    const existing = scalarString(item);
    return (
      existing !== undefined &&
      tryNormalize(existing, 'resource', namespace) === value
    );
  });
  if (present) {
    throw new CatalogEditError(
      'already-applied',
      `spec.${field} of ${entityRef} already lists ${value}`,
    );
  }
  if (list.items.some(item => !isScalar(item))) {
    throw new CatalogEditError(
      'unsupported-shape',
      `spec.${field} of ${entityRef} has entries that are not plain references`,
    );
  }
  if (list.flow) {
    if (list.items.length === 0) {
      const open = text.indexOf('[', rangeOf(list)[0]);
      return replaceRange(text, open + 1, open + 1, value);
    }
    const lastEnd = rangeOf(list.items[list.items.length - 1])[1];
    return replaceRange(text, lastEnd, lastEnd, `, ${value}`);
  }
  const last = rangeOf(list.items[list.items.length - 1]);
  const prefix = text.slice(lineStart(text, last[0]), last[0]);
  const dash = /^\s*-\s+$/.test(prefix) ? prefix : `${itemIndent}- `;
  return insertLinesAfter(text, last[1], [`${dash}${value}`]);
}

/** Adds a database (a Resource) to the entity's `spec.dependsOn`. */
export function addDependsOn(text: string, entityRef: string, ref: string) {
  return addToList(text, entityRef, 'dependsOn', ref);
}

/** Adds a topic or queue to the entity's `spec.produces`. */
export function addProduces(text: string, entityRef: string, ref: string) {
  return addToList(text, entityRef, 'produces', ref);
}

/** Adds a topic or queue to the entity's `spec.consumes`. */
export function addConsumes(text: string, entityRef: string, ref: string) {
  return addToList(text, entityRef, 'consumes', ref);
}

/** A value no rule of the service model accepts for any field (see `modelRefusal`). */
const NOT_A_FIELD_VALUE = Object.freeze({ notAFieldValue: true });

/**
 * Why the service model refuses `value` at `path` for this entity, or
 * undefined when it accepts it: the catalog's own rules
 * (`validateServiceModel`) decide, so a proposal can never write what the
 * catalog would then refuse. A rule checks a field only on the entities it
 * applies to, so a field that no rule checks even for a value no rule accepts
 * does not belong to this entity (e.g. `spec.tier` on a database).
 */
function modelRefusal(
  entity: Entity,
  entityRef: string,
  path: SetSpecFieldEdit['path'],
  value: unknown,
): string | undefined {
  const spec =
    entity.spec && typeof entity.spec === 'object' ? entity.spec : {};
  const violationsWith = (v: unknown) =>
    validateServiceModel({
      ...entity,
      spec: { ...spec, [SPEC_FIELDS[path].key]: v } as Entity['spec'],
    }).filter(violation => violation.path === path);

  const violations = violationsWith(value);
  if (violations.length > 0) {
    return violations.map(formatModelViolation).join('; ');
  }
  if (violationsWith(NOT_A_FIELD_VALUE).length === 0) {
    const type = typeof spec.type === 'string' ? ` of type ${spec.type}` : '';
    return `${path} is not part of the service model of ${entityRef} (${entity.kind}${type}); it belongs to ${SPEC_FIELDS[path].kind} entities`;
  }
  return undefined;
}

/** The YAML text of one scalar value, on one line; in a flow mapping when `flow`. */
function scalarText(value: unknown, flow: boolean): string {
  if (typeof value !== 'string') {
    return String(value);
  }
  const plain = stringify(value, { lineWidth: 0, minContentWidth: 0 }).replace(
    /\r?\n$/,
    '',
  );
  if (plain.includes('\n') || (flow && /[,[\]{}]/.test(plain))) {
    return JSON.stringify(value);
  }
  return plain;
}

/** `text`, written in the quote style of `node` when it was quoted. */
function likeQuoted(node: Scalar, value: unknown, text: string): string {
  if (typeof value !== 'string') {
    return text;
  }
  if (node.type === Scalar.QUOTE_DOUBLE) {
    return JSON.stringify(value);
  }
  if (node.type === Scalar.QUOTE_SINGLE) {
    return `'${value.replace(/'/g, "''")}'`;
  }
  return text;
}

function insertSpecPair(text: string, spec: YAMLMap, pairText: string) {
  if (!spec.flow) {
    return insertLinesAfter(text, pairEnd(spec.items[spec.items.length - 1]), [
      `${keyIndent(text, spec)}${pairText}`,
    ]);
  }
  if (spec.items.length === 0) {
    const open = text.indexOf('{', rangeOf(spec)[0]);
    return replaceRange(text, open + 1, open + 1, pairText);
  }
  const lastEnd = pairEnd(spec.items[spec.items.length - 1]);
  return replaceRange(text, lastEnd, lastEnd, `, ${pairText}`);
}

/**
 * Sets one field of the service model under the entity's `spec` (`spec.tier`,
 * `spec.engine`, `spec.personalData`, `spec.topic`, `spec.schema`): replaces
 * its value in place, keeping its quotes and trailing comment, or adds it as
 * the last field of `spec`. The service model must accept the value for this
 * entity; otherwise `invalid-value` with the rule's message and fix.
 */
export function setSpecField(
  text: string,
  entityRef: string,
  edit: Omit<SetSpecFieldEdit, 'type'>,
): string {
  const { path, value } = edit;
  if (!isSpecFieldPath(path)) {
    throw new CatalogEditError(
      'invalid-value',
      `'${String(path)}' is not a field the portal can set`,
    );
  }
  const { key } = SPEC_FIELDS[path];
  if (typeof value === 'string' && /[\r\n]/.test(value)) {
    throw new CatalogEditError('invalid-value', `${path}: must be one line`);
  }
  const { spec, entity } = locateEntity(text, entityRef, { flowSpec: true });
  const refusal = modelRefusal(entity, entityRef, path, value);
  if (refusal) {
    throw new CatalogEditError('invalid-value', refusal);
  }
  const written = scalarText(value, Boolean(spec.flow));
  const pair = findPair(spec, key);
  let changed: string;
  if (!pair) {
    changed = insertSpecPair(text, spec, `${key}: ${written}`);
  } else {
    const node = pair.value;
    const blockScalar =
      isScalar(node) &&
      (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED);
    if ((node && !isScalar(node)) || blockScalar) {
      throw new CatalogEditError(
        'unsupported-shape',
        `${path} of ${entityRef} is not a single-line value`,
      );
    }
    if (isScalar(node) && node.value === value) {
      throw new CatalogEditError(
        'already-applied',
        `${path} of ${entityRef} is already ${JSON.stringify(value)}`,
      );
    }
    const range = node ? rangeOf(node) : undefined;
    if (!range || range[1] === range[0]) {
      const colon = text.indexOf(':', rangeOf(pair.key)[1]);
      changed = replaceRange(text, colon + 1, colon + 1, ` ${written}`);
    } else {
      changed = replaceRange(
        text,
        range[0],
        range[1],
        likeQuoted(node as Scalar, value, written),
      );
    }
  }
  // The edit wrote bytes, not a document: read them back to be sure they say what was asked.
  const after = locateEntity(changed, entityRef, { flowSpec: true }).entity
    .spec?.[key];
  if (after !== value) {
    throw new CatalogEditError(
      'unsupported-shape',
      `${path} of ${entityRef} cannot be set safely in this file`,
    );
  }
  return changed;
}

/** Applies one {@link CatalogEdit} to the text of a catalog file. */
export function applyCatalogEdit(
  text: string,
  entityRef: string,
  edit: CatalogEdit,
): string {
  switch (edit.type) {
    case 'setOwner':
      return setOwner(text, entityRef, edit.owner);
    case 'addDatabase':
      return addDependsOn(text, entityRef, edit.resourceRef);
    case 'addProduces':
      return addProduces(text, entityRef, edit.topicRef);
    case 'addConsumes':
      return addConsumes(text, entityRef, edit.topicRef);
    case 'setSpecField':
      return setSpecField(text, entityRef, edit);
    default:
      throw new CatalogEditError(
        'unsupported-shape',
        `Unknown edit type '${(edit as { type: string }).type}'`,
      );
  }
}
