import { RuleDefinition, RuleFinding } from './types';

export const notAnObjectRule: RuleDefinition = {
  id: 'not-an-object',
  severity: 'error',
  description:
    'Each YAML document must be a mapping (one entity); the catalog rejects lists and plain values.',
};

function describe(value: unknown): string {
  if (Array.isArray(value)) {
    return 'a list';
  }
  return typeof value === 'string' ? 'a string' : `a ${typeof value}`;
}

/** A finding when a non-empty document is not a mapping. */
export function checkDocumentIsObject(value: unknown): RuleFinding[] {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return [];
  }
  return [
    {
      path: [],
      message: `Expected an entity (a YAML mapping) but the document is ${describe(
        value,
      )}`,
      hint: 'Write one entity per document, as a mapping with apiVersion, kind, metadata and spec; separate entities with ---.',
    },
  ];
}
