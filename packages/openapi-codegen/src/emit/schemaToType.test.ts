import { Schema } from '../spec/types';
import { schemaToType, TypeContext } from './schemaToType';

function typeOf(schema: Schema, named = new Map<Schema, string>()) {
  const used: string[] = [];
  const context: TypeContext = { named, use: name => used.push(name) };
  return { type: schemaToType(schema, context, 'here'), used };
}

describe('schemaToType', () => {
  it.each<[string, Schema, string]>([
    ['a string', { type: 'string' }, 'string'],
    ['an integer', { type: 'integer' }, 'number'],
    ['a boolean', { type: 'boolean' }, 'boolean'],
    ['an enum', { type: 'string', enum: ['a', "it's"] }, "'a' | 'it\\'s'"],
    ['a const', { const: 3 }, '3'],
    ['an array', { type: 'array', items: { type: 'string' } }, 'Array<string>'],
    ['3.0 nullable', { type: 'string', nullable: true }, 'string | null'],
    ['3.1 null in type', { type: ['integer', 'null'] }, 'number | null'],
    [
      'oneOf, deduplicated',
      { oneOf: [{ type: 'integer' }, { type: 'number' }, { type: 'boolean' }] },
      'number | boolean',
    ],
    [
      'allOf',
      {
        allOf: [
          { $ref: '#/components/schemas/A' },
          { $ref: '#/components/schemas/B' },
        ],
      },
      'A & B',
    ],
    ['a free-form object', { type: 'object' }, '{ [key: string]: any }'],
    [
      'a map',
      { type: 'object', additionalProperties: { type: 'integer' } },
      '{\n[key: string]: number;\n}',
    ],
    ['no type at all', {}, 'unknown'],
  ])('types %s', (_, schema, expected) => {
    expect(typeOf(schema).type).toBe(expected);
  });

  it('names a reference by its model name and reports it used', () => {
    expect(typeOf({ $ref: '#/components/schemas/Error' })).toEqual({
      type: 'ModelError',
      used: ['ModelError'],
    });
  });

  it('types an object: required without ?, descriptions as JSDoc, odd keys quoted', () => {
    expect(
      typeOf({
        type: 'object',
        properties: {
          id: { type: 'string', description: 'The id.' },
          'x-count': { type: 'integer' },
        },
        required: ['id'],
        additionalProperties: true,
      }).type,
    ).toBe(
      '{\n[key: string]: any;\n/**\n * The id.\n */\nid: string;\n"x-count"?: number;\n}',
    );
  });

  it('uses the name given to an inline schema', () => {
    const inline: Schema = { type: 'string', enum: ['a'] };
    expect(typeOf(inline, new Map([[inline, 'ThingKindEnum']]))).toEqual({
      type: 'ThingKindEnum',
      used: ['ThingKindEnum'],
    });
  });

  it('refuses keywords it cannot type, naming the place', () => {
    expect(() =>
      schemaToType(
        { type: 'object', properties: { a: { not: { type: 'string' } } } },
        { named: new Map(), use: () => {} },
        'components.schemas.Thing',
      ),
    ).toThrow(
      "components.schemas.Thing.properties.a: 'not' is not supported by the generator",
    );
  });

  it('refuses a reference outside components.schemas', () => {
    expect(() => typeOf({ $ref: 'other.yaml#/Thing' })).toThrow(
      "here: $ref 'other.yaml#/Thing' is not a local reference to components.schemas",
    );
  });
});
