import { describePath, parseSchemaError } from './schemaError';

describe('parseSchemaError', () => {
  it('reads the path, message and parameters of a validator error', () => {
    expect(
      parseSchemaError(
        new TypeError(
          "/spec must have required property 'owner' - missingProperty: owner",
        ),
      ),
    ).toEqual({
      path: ['spec'],
      message: "must have required property 'owner'",
      params: { missingProperty: 'owner' },
    });
  });

  it('decodes sequence indexes and escaped keys', () => {
    expect(
      parseSchemaError(
        new TypeError(
          '/metadata/annotations/a~1b/0 must be string - type: string',
        ),
      ).path,
    ).toEqual(['metadata', 'annotations', 'a/b', 0]);
  });

  it('points additional properties at the property itself', () => {
    expect(
      parseSchemaError(
        new TypeError(
          '<root> must NOT have additional properties - additionalProperty: foo',
        ),
      ).path,
    ).toEqual(['foo']);
  });
});

describe('describePath', () => {
  it('writes dotted paths with indexes', () => {
    expect(describePath(['spec', 'dependsOn', 2])).toBe('spec.dependsOn[2]');
    expect(describePath([])).toBe('');
  });
});
