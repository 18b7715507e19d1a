import { yaml } from '../testUtils';
import { DEFAULT_PARSE_LIMITS } from './limits';
import { prescanYaml } from './prescan';

const limits = { maxDepth: 4, maxAliases: 2, maxMappingEntries: 3 };

describe('prescanYaml', () => {
  it('passes a catalog file', () => {
    const text = yaml(
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      '  name: billing # the service',
      '  tags: [java, "a [b"]',
      '  links:',
      '    - url: https://example.com/a?b=[c]',
      '      title: "{not: [a, collection"',
      'spec:',
      '  type: service',
      '  owner: team-a',
    );
    expect(prescanYaml(text, DEFAULT_PARSE_LIMITS)).toBeUndefined();
  });

  it.each([
    ['flow sequences', '[[[[[x]]]]]\n', { line: 1, column: 5 }],
    ['flow mappings', 'a: {b: {c: {d: {e: 1}}}}\n', { line: 1, column: 16 }],
    ['block sequences on one line', '- - - - - x\n', { line: 1, column: 9 }],
    [
      'block mappings by indentation',
      yaml('a:', ' b:', '  c:', '   d:', '    e: 1'),
      { line: 5, column: 5 },
    ],
    [
      'sequences under keys at the same indentation',
      yaml('a:', '- b:', '  - c:', '    - d'),
      { line: 3, column: 5 },
    ],
    [
      'block and flow together',
      yaml('a:', '  b:', '    c: [[x]]'),
      { line: 3, column: 9 },
    ],
  ])('finds nesting deeper than the limit: %s', (_, text, at) => {
    expect(prescanYaml(text, limits)).toEqual({ limit: 'depth', ...at });
  });

  it('finds one alias too many', () => {
    expect(prescanYaml('a: &a x\nb: [*a, *a, *a]\n', limits)).toEqual({
      limit: 'aliases',
      line: 2,
      column: 13,
    });
  });

  it('finds a mapping with too many entries, block or flow', () => {
    expect(prescanYaml(yaml('a: 1', 'b: 2', 'c: 3', 'd: 4'), limits)).toEqual({
      limit: 'mapping-entries',
      line: 4,
      column: 1,
    });
    expect(prescanYaml('{a: 1, b: 2, c: 3, d: 4}\n', limits)).toMatchObject({
      limit: 'mapping-entries',
    });
    // Sequences may be long.
    expect(prescanYaml('[1, 2, 3, 4, 5]\n- x\n', limits)).toBeUndefined();
  });

  it('is not fooled by brackets, dashes and stars in strings, comments and block scalars', () => {
    const text = yaml(
      'a: "[[[[[ *x *x *x"',
      "b: '{{{{{ it''s'",
      'c: x[[[[[',
      '# [[[[[ - - - - -',
      'd: |',
      '  [[[[[',
      '  - - - - - -',
      '    *x *x *x',
      'e: >-',
      '  {{{{{',
    );
    expect(prescanYaml(text, { ...limits, maxMappingEntries: 10 })).toBe(
      undefined,
    );
  });

  it('counts lines after a block scalar that the parser reads as structure', () => {
    // The second line is less indented than the block's first: the block ends.
    const text = yaml('a: |', '      text', '  - - - - - x');
    expect(prescanYaml(text, limits)).toMatchObject({ limit: 'depth' });
  });

  it('counts a quoted scalar left open as ending where the parser ends it', () => {
    const text = yaml('a:', '  b: "open', '- - - - - x');
    expect(prescanYaml(text, limits)).toMatchObject({ limit: 'depth' });
  });

  it('starts over at each document', () => {
    const doc = yaml('a:', ' b:', '  c:', '   d: 1');
    expect(prescanYaml(`${doc}---\n${doc}`, limits)).toBeUndefined();
  });

  it('scans 2 MiB of nesting in one linear pass', () => {
    const text = '['.repeat(1024 * 1024) + ']'.repeat(1024 * 1024);
    expect(prescanYaml(text, DEFAULT_PARSE_LIMITS)).toEqual({
      limit: 'depth',
      line: 1,
      column: 65,
    });
  });
});
