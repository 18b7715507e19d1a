import {
  errorResponse,
  errorSchema,
  jwtSecurityScheme,
} from '@internal/openapi-runtime';
import { OpenApiDocument } from '../spec/types';
import { specLiteral } from './specLiteral';

/** The literal evaluated as the generated router evaluates it, with its imports bound. */
function evaluate(source: string): unknown {
  // eslint-disable-next-line no-new-func
  return new Function(
    'errorSchema',
    'errorResponse',
    'jwtSecurityScheme',
    `return (${source});`,
  )(errorSchema, errorResponse, jwtSecurityScheme);
}

const clone = <T>(value: T): T => structuredClone(value) as T;

function spec(components: Record<string, unknown>): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {},
    components,
  } as unknown as OpenApiDocument;
}

describe('specLiteral', () => {
  it('refers to the shared components a spec declares word for word, and the value is unchanged', () => {
    const input = spec({
      responses: { ErrorResponse: clone(errorResponse) },
      schemas: {
        Error: clone(errorSchema),
        Other: { type: 'string' },
      },
      securitySchemes: { JWT: clone(jwtSecurityScheme) },
    });
    const { source, imports } = specLiteral(input);

    expect(imports).toEqual([
      'errorResponse',
      'errorSchema',
      'jwtSecurityScheme',
    ]);
    expect(source).toContain('"ErrorResponse": errorResponse');
    expect(source).toContain('"Error": errorSchema');
    expect(source).toContain('"JWT": jwtSecurityScheme');
    expect(source).not.toContain('An error response from the backend.');
    expect(evaluate(source)).toEqual(input);
  });

  it('keeps a variant inline: one more or one less keyword is not the shared part', () => {
    const variant = clone(errorSchema) as any;
    delete variant.properties.error.additionalProperties;
    const input = spec({
      responses: {
        ErrorResponse: { ...clone(errorResponse), description: 'An error.' },
      },
      schemas: { Error: variant },
      securitySchemes: {
        JWT: { ...clone(jwtSecurityScheme), scheme: 'basic' },
      },
    });
    const { source, imports } = specLiteral(input);

    expect(imports).toEqual([]);
    expect(source).not.toMatch(/errorSchema|errorResponse|jwtSecurityScheme/);
    expect(evaluate(source)).toEqual(input);
  });

  it('leaves a spec without components alone and does not change its input', () => {
    const input = spec({ schemas: { Error: clone(errorSchema) } });
    const before = clone(input);
    specLiteral(input);
    expect(input).toEqual(before);

    const bare = { openapi: '3.1.0', paths: {} } as unknown as OpenApiDocument;
    expect(specLiteral(bare)).toEqual({
      source: JSON.stringify(bare, null, 2),
      imports: [],
    });
  });

  it('only replaces at the place a component belongs, not an equal value elsewhere', () => {
    const input = spec({
      schemas: { Problem: clone(errorSchema) },
    });
    const { source, imports } = specLiteral(input);
    expect(imports).toEqual([]);
    expect(evaluate(source)).toEqual(input);
  });
});

describe('specLiteral key order', () => {
  it('matches a shared component whatever order the spec writes its keys in', () => {
    const reordered = {
      bearerFormat: 'JWT',
      scheme: 'bearer',
      type: 'http',
    };
    const { imports } = specLiteral(
      spec({ securitySchemes: { JWT: reordered } }),
    );
    expect(imports).toEqual(['jwtSecurityScheme']);
  });
});
