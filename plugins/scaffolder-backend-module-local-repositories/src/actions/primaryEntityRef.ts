import { validateCatalogFile } from '@internal/plugin-catalog-validation-common';

/** Kinds a finished task links to, best first: the service, else its data, else its API. */
const PREFERRED_KINDS = ['component', 'resource', 'api'];

/**
 * The ref of the entity a new repository is "about": its first Component, else its first
 * Resource, else its first API. Parsed with the portal's validator, so a file the catalog
 * would not read yields nothing.
 */
export function primaryEntityRef(
  text: string,
  filePath: string,
): string | undefined {
  const { entities } = validateCatalogFile(text, { filePath });
  for (const kind of PREFERRED_KINDS) {
    const match = entities.find(
      e => e.kind.toLocaleLowerCase('en-US') === kind,
    );
    if (match) return match.ref;
  }
  return undefined;
}
