import { parse } from 'yaml';
import { SpecError } from './SpecError';
import { OpenApiDocument } from './types';

/** Parses an openapi.yaml's text; `file` names it in errors. */
export function loadSpec(file: string, text: string): OpenApiDocument {
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new SpecError(file, `not valid YAML: ${(error as Error).message}`);
  }
  const spec = document as OpenApiDocument;
  if (
    !spec ||
    typeof spec !== 'object' ||
    typeof spec.openapi !== 'string' ||
    !/^3\.[01]\./.test(spec.openapi)
  ) {
    throw new SpecError(file, 'not an OpenAPI 3.0 or 3.1 document');
  }
  if (!spec.paths || typeof spec.paths !== 'object') {
    throw new SpecError(file, 'has no paths');
  }
  return spec;
}
