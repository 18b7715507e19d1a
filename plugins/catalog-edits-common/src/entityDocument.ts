import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { normalizeRef } from '@internal/plugin-service-model-common';
import { YamlEditError, YamlEditor } from '@internal/yaml-edits';
import { Document, isMap, isScalar, parseAllDocuments, YAMLMap } from 'yaml';
import { CatalogEditError } from './errors';

/** The document of one entity in a catalog file, ready to edit. */
export type EntityDocument = {
  editor: YamlEditor;
  spec: YAMLMap;
  /** The namespace relative refs in the entity resolve against. */
  namespace: string;
  /** The entity as the catalog would read it from this document. */
  entity: Entity;
};

function scalarString(node: unknown): string | undefined {
  if (isScalar(node) && node.value !== null && node.value !== undefined) {
    return String(node.value);
  }
  return undefined;
}

/** The full ref of the entity a document declares, or undefined when it declares none. */
function refOfDocument(doc: Document): string | undefined {
  const root = doc.contents;
  const kind = isMap(root) ? scalarString(root.get('kind', true)) : undefined;
  const metadata = isMap(root) ? root.get('metadata', true) : undefined;
  const name = isMap(metadata)
    ? scalarString(metadata.get('name', true))
    : undefined;
  if (!kind || !name || !isMap(metadata)) {
    return undefined;
  }
  const namespace = scalarString(metadata.get('namespace', true)) ?? 'default';
  return stringifyEntityRef({ kind, namespace, name }).toLocaleLowerCase(
    'en-US',
  );
}

/**
 * The first document of `text` that declares `entityRef` (compared as the
 * catalog compares refs, case-insensitively), with its `spec`: a block
 * mapping with fields, or (when `flowSpec`) a flow mapping `{...}` too.
 */
export function locateEntity(
  text: string,
  entityRef: string,
  options: { flowSpec?: boolean } = {},
): EntityDocument {
  let target: string;
  try {
    target = normalizeRef(entityRef);
  } catch {
    throw new CatalogEditError(
      'invalid-reference',
      `'${entityRef}' is not a valid entity reference`,
    );
  }
  const documents = [...parseAllDocuments(text)] as Document.Parsed[];
  const index = documents.findIndex(doc => refOfDocument(doc) === target);
  if (index < 0) {
    throw new CatalogEditError(
      'entity-not-in-file',
      `${entityRef} is not declared in this file`,
    );
  }
  const { errors } = documents[index];
  if (errors.length > 0) {
    throw new CatalogEditError(
      'unsupported-shape',
      `The YAML document of ${entityRef} has syntax errors: ${errors[0].message}`,
    );
  }
  const editor = new YamlEditor(text, index);
  const doc = editor.document;
  const root = doc.contents as YAMLMap;
  const spec = root.get('spec', true);
  const editable =
    isMap(spec) && (spec.flow ? options.flowSpec : spec.items.length > 0);
  if (!editable) {
    throw new CatalogEditError(
      'unsupported-shape',
      `The spec of ${entityRef} is not a block mapping; it cannot be edited safely`,
    );
  }
  const metadata = root.get('metadata', true);
  return {
    editor,
    spec,
    namespace:
      (isMap(metadata) && scalarString(metadata.get('namespace', true))) ||
      'default',
    entity: doc.toJS() as Entity,
  };
}

/** Runs an edit of the file, turning the editor's refusal into the edit's `unsupported-shape`. */
export function editOrRefuse(
  what: string,
  entityRef: string,
  edit: () => YamlEditor,
): string {
  try {
    return edit().text;
  } catch (error) {
    if (error instanceof YamlEditError) {
      throw new CatalogEditError(
        'unsupported-shape',
        `${what} of ${entityRef} cannot be changed safely in this file: ${error.message}`,
      );
    }
    throw error;
  }
}
