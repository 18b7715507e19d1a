/*
 * Names of generated declarations, chosen the way Backstage's generator (the
 * Java openapi-generator with Backstage's templates) names them, so code
 * written against those files reads the same.
 */

/** `list-proposals`, `list_proposals`, `listProposals` → `ListProposals`. */
export function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map(word => word[0].toUpperCase() + word.slice(1))
    .join('');
}

/** `ListProposals` → `listProposals`. */
export function camelCase(text: string): string {
  const pascal = pascalCase(text);
  return pascal[0].toLowerCase() + pascal.slice(1);
}

// Schema names that would shadow a global of TypeScript or the DOM: the
// generator prefixes them, as openapi-generator does (`Error` → `ModelError`).
const RESERVED = new Set([
  'Array',
  'Blob',
  'Boolean',
  'Date',
  'Error',
  'File',
  'Function',
  'Map',
  'Number',
  'Object',
  'Partial',
  'Promise',
  'Record',
  'RegExp',
  'Request',
  'Response',
  'Set',
  'String',
  'Symbol',
]);

/** The TypeScript name of the model for `components.schemas.<name>`. */
export function modelName(schemaName: string): string {
  const name = pascalCase(schemaName);
  return RESERVED.has(name) ? `Model${name}` : name;
}

/** `entityRef` as is; `x-request-id` quoted. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : JSON.stringify(name);
}

/** A JSDoc block for a description, or nothing. */
export function docComment(description: unknown, indent = ''): string {
  if (typeof description !== 'string' || !description.trim()) {
    return '';
  }
  const lines = description.trim().replace(/\*\//g, '*\\/').split('\n');
  return `${indent}/**\n${lines
    .map(line => `${indent} *${line ? ` ${line}` : ''}`)
    .join('\n')}\n${indent} */\n`;
}
