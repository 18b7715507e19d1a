import { InputError } from '@backstage/errors';
import { YamlEditError, YamlEditor } from '@internal/yaml-edits';
import { parseAllDocuments } from 'yaml';

/**
 * Adds annotations to one entity of a (multi-document) catalog-info.yaml and
 * returns the new text; every other line stays as it was (@internal/yaml-edits
 * writes only the new lines). Used to record facts the skeleton has no value
 * for, e.g. which monolith a service was extracted from
 * (`strata.dev/extracted-from`).
 */
export function annotateEntity(
  catalogInfoText: string,
  entity: { kind: string; name: string },
  annotations: Record<string, string>,
): string {
  const documents = parseAllDocuments(catalogInfoText);
  const broken = documents.find(doc => doc.errors.length > 0);
  if (broken) {
    throw new InputError(
      `The catalog file is not valid YAML: ${broken.errors[0].message}`,
    );
  }
  const matching = documents.flatMap((doc, index) =>
    String(doc.get('kind')).toLowerCase() === entity.kind.toLowerCase() &&
    doc.getIn(['metadata', 'name']) === entity.name
      ? [index]
      : [],
  );
  if (matching.length !== 1) {
    throw new InputError(
      `The catalog file declares ${matching.length} entities of kind ${entity.kind} named ${entity.name}; expected one`,
    );
  }
  const editor = new YamlEditor(catalogInfoText, matching[0]);
  try {
    for (const [key, value] of Object.entries(annotations)) {
      editor.set(['metadata', 'annotations', key], value);
    }
  } catch (error) {
    if (error instanceof YamlEditError) {
      throw new InputError(
        `The catalog file cannot be annotated: ${error.message}`,
      );
    }
    throw error;
  }
  return editor.text;
}
