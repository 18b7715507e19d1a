import { docComment, modelName, pascalCase } from '../naming';
import { SpecError } from '../spec/SpecError';
import { OpenApiDocument, Schema } from '../spec/types';
import { objectMembers, schemaToType, TypeContext } from './schemaToType';

/** One `models/<name>.model.ts`. */
export type Model = {
  name: string;
  schema: Schema;
  /** The schema's place in the spec, for errors. */
  where: string;
  /** Aliases for its properties' enums (`<Model><Property>Enum`), emitted in its file. */
  enums: Array<{ name: string; schema: Schema; where: string }>;
};

export type Models = {
  models: Model[];
  /** Inline schemas with a name of their own: nested object models and property enums. */
  named: Map<Schema, string>;
};

const isObjectLike = (schema: Schema) =>
  !schema.$ref &&
  !schema.oneOf &&
  !schema.anyOf &&
  !schema.allOf &&
  schema.enum === undefined &&
  schema.const === undefined &&
  (schema.type === 'object' || (!schema.type && !!schema.properties));

const isStringEnum = (schema: Schema) =>
  !schema.$ref &&
  Array.isArray(schema.enum) &&
  schema.enum.every(value => typeof value === 'string');

/**
 * The models of `components.schemas`, plus one model per inline object
 * property with properties of its own (`Error.error` → `ModelErrorError`) and
 * an alias per inline string enum property (`SetOwnerEdit.type` →
 * `SetOwnerEditTypeEnum`), as openapi-generator names them.
 */
export function collectModels(spec: OpenApiDocument, file: string): Models {
  const models: Model[] = [];
  const named = new Map<Schema, string>();
  const taken = new Map<string, string>();

  const claim = (name: string, where: string) => {
    const other = taken.get(name);
    if (other) {
      throw new SpecError(
        where,
        `would be generated as ${name}, like ${other}; rename one`,
      );
    }
    taken.set(name, where);
  };

  const visit = (model: Model) => {
    for (const [property, schema] of Object.entries(
      model.schema.properties ?? {},
    )) {
      const where = `${model.where}.properties.${property}`;
      if (isObjectLike(schema) && schema.properties) {
        const nested: Model = {
          name: `${model.name}${pascalCase(property)}`,
          schema,
          where,
          enums: [],
        };
        claim(nested.name, where);
        named.set(schema, nested.name);
        models.push(nested);
        visit(nested);
      } else if (isStringEnum(schema)) {
        const name = `${model.name}${pascalCase(property)}Enum`;
        claim(name, where);
        named.set(schema, name);
        model.enums.push({ name, schema, where });
      }
    }
  };

  for (const [schemaName, schema] of Object.entries(
    spec.components?.schemas ?? {},
  )) {
    const model: Model = {
      name: modelName(schemaName),
      schema,
      where: `${file}: components.schemas.${schemaName}`,
      enums: [],
    };
    claim(model.name, model.where);
    models.push(model);
    visit(model);
  }
  models.sort((a, b) => (a.name < b.name ? -1 : 1));
  return { models, named };
}

/** The source of a model's file (unformatted, without the header). */
export function modelSource(model: Model, models: Models): string {
  const local = new Set([model.name, ...model.enums.map(e => e.name)]);
  const used = new Set<string>();
  const context: TypeContext = {
    named: models.named,
    use: name => {
      if (!local.has(name)) {
        used.add(name);
      }
    },
  };
  const { schema, name, where } = model;
  const doc = docComment(schema.description);
  let declaration: string;
  const members = isObjectLike(schema)
    ? objectMembers(schema, context, where)
    : '';
  if (members && schema.nullable !== true) {
    declaration = `${doc}export interface ${name} {\n${members}\n}\n`;
  } else {
    // Not an object with members: a type alias (unions, enums, free-form maps).
    // The schema is looked up by value, not identity, so a nested model does
    // not resolve to its own name.
    declaration = `${doc}export type ${name} = ${schemaToType(
      { ...schema },
      context,
      where,
    )};\n`;
  }
  const enums = model.enums
    .map(
      e =>
        `export type ${e.name} = ${schemaToType(
          { ...e.schema },
          context,
          e.where,
        )};\n`,
    )
    .join('\n');
  const imports = [...used]
    .sort()
    .map(n => `import type { ${n} } from './${n}.model';\n`)
    .join('');
  return [imports, declaration, enums].filter(Boolean).join('\n');
}

/** `models/index.ts`. */
export function modelsIndexSource(models: Models): string {
  return models.models
    .map(model => `export * from './${model.name}.model';\n`)
    .join('');
}
