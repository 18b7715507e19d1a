import { checkDocumentIsObject } from './notAnObject';

describe('not-an-object', () => {
  it('accepts mappings', () => {
    expect(checkDocumentIsObject({ kind: 'Component' })).toEqual([]);
  });

  it.each([
    [['a'], 'a list'],
    ['text', 'a string'],
    [42, 'a number'],
    [true, 'a boolean'],
  ])('rejects %j', (value, what) => {
    expect(checkDocumentIsObject(value)).toEqual([
      expect.objectContaining({
        path: [],
        message: `Expected an entity (a YAML mapping) but the document is ${what}`,
      }),
    ]);
  });
});
