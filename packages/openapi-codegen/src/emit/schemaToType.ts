import { docComment, modelName, propertyKey } from '../naming';
import { refName } from '../spec/resolve';
import { assertSupported } from '../spec/unsupported';
import { Schema } from '../spec/types';

/** What a type expression may refer to, and what it used. */
export type TypeContext = {
  /** Inline schemas that have a name of their own (nested models, property enums). */
  named: Map<Schema, string>;
  /** Called with each model name the expression uses (for imports). */
  use(name: string): void;
};

const literal = (value: unknown) =>
  typeof value === 'string'
    ? `'${value.replace(/[\\']/g, '\\$&')}'`
    : JSON.stringify(value);

function union(members: string[]): string {
  const unique = [...new Set(members)];
  if (unique.includes('unknown')) {
    return 'unknown';
  }
  return unique.join(' | ');
}

const parenthesized = (type: string) =>
  /[|&]/.test(type) ? `(${type})` : type;

function types(schema: Schema): string[] {
  if (Array.isArray(schema.type)) {
    return schema.type;
  }
  return schema.type ? [schema.type] : [];
}

function isNullable(schema: Schema): boolean {
  return schema.nullable === true || types(schema).includes('null');
}

/** The members of an object type: `name: T;` lines with their descriptions. */
export function objectMembers(
  schema: Schema,
  context: TypeContext,
  where: string,
): string {
  const lines: string[] = [];
  const { additionalProperties } = schema;
  if (additionalProperties === true) {
    lines.push('[key: string]: any;');
  } else if (additionalProperties && typeof additionalProperties === 'object') {
    const value = schemaToType(
      additionalProperties,
      context,
      `${where}.additionalProperties`,
    );
    // Declared properties must fit the index signature too.
    lines.push(`[key: string]: ${schema.properties ? 'unknown' : value};`);
  }
  const required = new Set(schema.required ?? []);
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const type = schemaToType(property, context, `${where}.properties.${name}`);
    lines.push(
      `${docComment(property.description)}${propertyKey(name)}${
        required.has(name) ? '' : '?'
      }: ${type};`,
    );
  }
  return lines.join('\n');
}

function objectType(schema: Schema, context: TypeContext, where: string) {
  const members = objectMembers(schema, context, where);
  if (!members) {
    return schema.additionalProperties === false
      ? 'Record<string, never>'
      : '{ [key: string]: any }';
  }
  return `{\n${members}\n}`;
}

function nonNullType(
  schema: Schema,
  context: TypeContext,
  where: string,
): string {
  if (schema.const !== undefined) {
    return literal(schema.const);
  }
  if (Array.isArray(schema.enum)) {
    return union(schema.enum.filter(v => v !== null).map(literal));
  }
  const alternatives = schema.oneOf ?? schema.anyOf;
  if (alternatives) {
    const keyword = schema.oneOf ? 'oneOf' : 'anyOf';
    return union(
      alternatives.map((member, i) =>
        schemaToType(member, context, `${where}.${keyword}[${i}]`),
      ),
    );
  }
  if (schema.allOf) {
    return [
      ...new Set(
        schema.allOf.map((member, i) =>
          parenthesized(schemaToType(member, context, `${where}.allOf[${i}]`)),
        ),
      ),
    ].join(' & ');
  }
  const declared = types(schema).filter(t => t !== 'null');
  if (declared.length === 0) {
    return schema.properties || schema.additionalProperties !== undefined
      ? objectType(schema, context, where)
      : 'unknown';
  }
  return union(
    declared.map(type => {
      switch (type) {
        case 'string':
          return 'string';
        case 'integer':
        case 'number':
          return 'number';
        case 'boolean':
          return 'boolean';
        case 'array':
          return `Array<${
            schema.items
              ? schemaToType(schema.items, context, `${where}.items`)
              : 'unknown'
          }>`;
        case 'object':
          return objectType(schema, context, where);
        default:
          return 'unknown';
      }
    }),
  );
}

/** The TypeScript type of a schema. `where` names the schema in errors. */
export function schemaToType(
  schema: Schema,
  context: TypeContext,
  where: string,
): string {
  const named = context.named.get(schema);
  if (named) {
    context.use(named);
    return isNullable(schema) ? `${named} | null` : named;
  }
  if (typeof schema.$ref === 'string') {
    const name = modelName(refName(schema.$ref, 'schemas', where));
    context.use(name);
    return name;
  }
  assertSupported(schema, where);
  const type = nonNullType(schema, context, where);
  return isNullable(schema) && type !== 'unknown' ? `${type} | null` : type;
}
