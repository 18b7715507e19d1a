import { PathSegment } from '../types';
import { errorMessage } from '../errorMessage';

/** A JSON schema failure as `@backstage/catalog-model`'s validators report it. */
export type SchemaFailure = {
  /** Path to the offending value; for a missing property, to its parent. */
  path: PathSegment[];
  /** The human-readable part, e.g. `must have required property 'owner'`. */
  message: string;
  /** Ajv's parameters, e.g. `{ missingProperty: 'owner' }`. */
  params: Record<string, string>;
};

function decodePointer(pointer: string): PathSegment[] {
  if (pointer === '<root>' || pointer === '') {
    return [];
  }
  return pointer
    .split('/')
    .slice(1)
    .map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map(part => (/^\d+$/.test(part) ? Number(part) : part));
}

function parseParams(text: string | undefined): Record<string, string> {
  const params: Record<string, string> = {};
  for (const entry of text ? text.split(', ') : []) {
    const colon = entry.indexOf(': ');
    if (colon > 0) {
      params[entry.slice(0, colon)] = entry.slice(colon + 2);
    }
  }
  return params;
}

/**
 * Parses the message of the `TypeError` thrown by the catalog model's schema
 * validators: `<instancePath> <message> - <key>: <value>, ...`.
 */
export function parseSchemaError(error: unknown): SchemaFailure {
  const text = errorMessage(error);
  const match = /^(\S+) ([\s\S]*?)(?: - ([\s\S]*))?$/.exec(text);
  if (!match) {
    return { path: [], message: text, params: {} };
  }
  const path = decodePointer(match[1]);
  const params = parseParams(match[3]);
  const property = params.additionalProperty;
  return {
    path: property ? [...path, property] : path,
    message: match[2],
    params,
  };
}

/** Dotted form of a path for messages, e.g. `spec.dependsOn[0]`. */
export function describePath(path: PathSegment[]): string {
  return path.reduce<string>((acc, segment) => {
    if (typeof segment === 'number') {
      return `${acc}[${segment}]`;
    }
    return acc ? `${acc}.${segment}` : segment;
  }, '');
}
