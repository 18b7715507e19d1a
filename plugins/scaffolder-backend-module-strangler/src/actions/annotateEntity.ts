import { InputError } from '@backstage/errors';
import { parseAllDocuments } from 'yaml';

/**
 * Adds annotations to one entity of a (multi-document) catalog-info.yaml and
 * returns the new text; every other line stays as it was. Used to record
 * facts the skeleton has no value for, e.g. which monolith a service was
 * extracted from (`strata.dev/extracted-from`).
 */
export function annotateEntity(
  catalogInfoText: string,
  entity: { kind: string; name: string },
  annotations: Record<string, string>,
): string {
  const documents = parseAllDocuments(catalogInfoText);
  if (!Array.isArray(documents)) {
    throw new InputError('The catalog file is empty');
  }
  const broken = documents.find(doc => doc.errors.length > 0);
  if (broken) {
    throw new InputError(
      `The catalog file is not valid YAML: ${broken.errors[0].message}`,
    );
  }
  const matching = documents.filter(
    doc =>
      String(doc.get('kind')).toLowerCase() === entity.kind.toLowerCase() &&
      doc.getIn(['metadata', 'name']) === entity.name,
  );
  if (matching.length !== 1) {
    throw new InputError(
      `The catalog file declares ${matching.length} entities of kind ${entity.kind} named ${entity.name}; expected one`,
    );
  }
  for (const [key, value] of Object.entries(annotations)) {
    matching[0].setIn(['metadata', 'annotations', key], value);
  }
  return documents.map(doc => doc.toString()).join('');
}
