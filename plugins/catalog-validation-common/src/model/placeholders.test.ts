import { substituteTextPlaceholders } from './placeholders';

describe('substituteTextPlaceholders', () => {
  it('replaces a $text placeholder with a string, wherever it is', () => {
    expect(
      substituteTextPlaceholders({
        spec: {
          definition: { $text: './openapi.yaml' },
          list: [{ $text: 'a' }],
        },
      }),
    ).toEqual({
      spec: { definition: '(text of ./openapi.yaml)', list: ['(text of a)'] },
    });
  });

  it('leaves other objects, $json/$yaml and malformed placeholders alone', () => {
    const value = {
      a: { $json: './x.json' },
      b: { $text: './x', other: 1 },
      c: { $text: 42 },
      d: 'text',
    };
    expect(substituteTextPlaceholders(value)).toEqual(value);
  });
});
