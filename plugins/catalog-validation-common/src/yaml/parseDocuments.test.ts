import { yaml } from '../testUtils';
import { parseDocuments } from './parseDocuments';

describe('parseDocuments', () => {
  it('parses every document, keeping empty ones as null', () => {
    const docs = parseDocuments(
      yaml('a: 1', '---', '# nothing', '---', 'b: 2'),
    );
    expect(docs.map(d => [d.index, d.value])).toEqual([
      [1, { a: 1 }],
      [2, null],
      [3, { b: 2 }],
    ]);
    expect(docs[2].locator.start).toEqual({ line: 5, column: 1 });
  });

  it('returns no documents for an empty file', () => {
    expect(parseDocuments('')).toEqual([]);
  });

  it('reports syntax errors with the parser position and a short message', () => {
    const [doc] = parseDocuments(yaml('a: 1', 'a: 2'));
    expect(doc.value).toBeNull();
    expect(doc.problems).toEqual([
      {
        severity: 'error',
        code: 'DUPLICATE_KEY',
        message: 'Map keys must be unique',
        line: 2,
        column: 1,
      },
    ]);
  });

  it('does not merge << keys, like the catalog', () => {
    const [doc] = parseDocuments(yaml('base: &b {x: 1}', 'c:', '  <<: *b'));
    expect(doc.value).toEqual({ base: { x: 1 }, c: { '<<': { x: 1 } } });
  });
});
