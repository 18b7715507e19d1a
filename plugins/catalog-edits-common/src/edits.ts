import { tryNormalizeRef } from '@internal/plugin-service-model-common';
import { isScalar, isSeq, Scalar } from 'yaml';
import { editOrRefuse, locateEntity } from './entityDocument';
import { CatalogEditError } from './errors';
import { modelRefusal } from './modelRefusal';
import { refToWrite } from './refs';
import { isSpecFieldPath, SPEC_FIELDS } from './specFields';
import { CatalogEdit, SetSpecFieldEdit } from './types';

/*
 * The edits are surgical (@internal/yaml-edits): only the bytes of the value
 * that changes are rewritten, or lines are added next to it. Every other byte
 * of the file (comments, blank lines, quoting, indentation, other documents)
 * stays exactly as it was, because the result is a pull request people
 * review line by line. The rules of what may be written are here.
 */

/** `key:` with nothing after it (or `~`): the edit fills it in. */
function isEmpty(node: unknown): boolean {
  return node === undefined || (isScalar(node) && node.value === null);
}

/** Changes `spec.owner` of the entity; adds it (after `spec.type`) when missing. */
export function setOwner(
  text: string,
  entityRef: string,
  newOwner: string,
): string {
  const { editor, spec, namespace } = locateEntity(text, entityRef);
  const owner = refToWrite(newOwner, {
    defaultKind: 'group',
    defaultNamespace: namespace,
    kinds: ['group', 'user'],
  });
  const current = spec.get('owner', true);
  if (!isEmpty(current)) {
    if (!isScalar(current)) {
      throw new CatalogEditError(
        'unsupported-shape',
        `spec.owner of ${entityRef} is not a single value`,
      );
    }
    const currentRef = tryNormalizeRef(String(current.value), {
      defaultKind: 'group',
      defaultNamespace: namespace,
    });
    if (currentRef === owner) {
      throw new CatalogEditError(
        'already-applied',
        `${entityRef} is already owned by ${owner}`,
      );
    }
  }
  return editOrRefuse('spec.owner', entityRef, () =>
    editor.set(['spec', 'owner'], owner, { after: 'type' }),
  );
}

function addToList(
  text: string,
  entityRef: string,
  field: 'dependsOn' | 'produces' | 'consumes',
  ref: string,
): string {
  const { editor, spec, namespace } = locateEntity(text, entityRef);
  const value = refToWrite(ref, {
    defaultKind: 'resource',
    defaultNamespace: namespace,
    kinds: ['resource'],
  });
  const list = spec.get(field, true);
  if (!isEmpty(list)) {
    if (!isSeq(list)) {
      throw new CatalogEditError(
        'unsupported-shape',
        `spec.${field} of ${entityRef} is not a list`,
      );
    }
    const present = list.items.some(
      item =>
        isScalar(item) &&
        item.value !== null &&
        tryNormalizeRef(String(item.value), {
          defaultKind: 'resource',
          defaultNamespace: namespace,
        }) === value,
    );
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
  }
  return editOrRefuse(`spec.${field}`, entityRef, () =>
    editor.append(['spec', field], value),
  );
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
  const { editor, spec, entity } = locateEntity(text, entityRef, {
    flowSpec: true,
  });
  const refusal = modelRefusal(entity, entityRef, path, value);
  if (refusal) {
    throw new CatalogEditError('invalid-value', refusal);
  }
  const node = spec.get(key, true);
  const blockScalar =
    isScalar(node) &&
    (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED);
  if ((node !== undefined && !isScalar(node)) || blockScalar) {
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
  return editOrRefuse(path, entityRef, () => editor.set(['spec', key], value));
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
