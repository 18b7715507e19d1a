import { PathSegment } from '../types';
import { RuleDefinition, RuleFinding } from './types';

export const requiredFieldRule: RuleDefinition = {
  id: 'required-field',
  severity: 'error',
  description:
    'apiVersion, kind, metadata and metadata.name must be present; without them the catalog cannot identify the entity.',
};

const required: { path: PathSegment[]; example: string }[] = [
  { path: ['apiVersion'], example: 'apiVersion: backstage.io/v1alpha1' },
  { path: ['kind'], example: 'kind: Component' },
  { path: ['metadata'], example: 'metadata:\n  name: my-service' },
  { path: ['metadata', 'name'], example: 'name: my-service' },
];

function get(value: unknown, path: PathSegment[]): unknown {
  return path.reduce<unknown>(
    (current, key) =>
      typeof current === 'object' && current !== null
        ? (current as Record<string, unknown>)[key]
        : undefined,
    value,
  );
}

/**
 * Findings for missing envelope fields, pointing at the parent mapping's key
 * (or at the start of the document for top-level fields).
 */
export function checkRequiredFields(document: object): RuleFinding[] {
  return required.flatMap(({ path, example }) => {
    const parent = path.slice(0, -1);
    const parentValue = parent.length ? get(document, parent) : document;
    if (
      typeof parentValue !== 'object' ||
      parentValue === null ||
      Array.isArray(parentValue)
    ) {
      return []; // reported for the parent, or by the schema rule
    }
    const value = get(document, path);
    if (value !== undefined && value !== null) {
      return [];
    }
    return [
      {
        path: parent,
        part: 'key' as const,
        message: `Missing required field ${path.join('.')}`,
        hint: `Every entity needs apiVersion, kind and metadata.name; add for example "${example.replace(
          /\n\s*/g,
          ' ',
        )}".`,
      },
    ];
  });
}
