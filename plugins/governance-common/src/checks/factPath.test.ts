import { parseFactPath, readPath } from './factPath';

describe('fact paths', () => {
  const entity = {
    spec: { tier: 1 },
    metadata: {
      annotations: { 'strata.dev/slo-file': 'slo.yaml' },
      links: [{ title: 'Runbook', url: 'https://r' }, { url: 'https://d' }],
    },
  };

  it('reads keys, quoted keys, indexes and [*] lists', () => {
    expect(readPath(entity, parseFactPath('spec.tier'))).toBe(1);
    expect(
      readPath(entity, parseFactPath('metadata.annotations["strata.dev/slo-file"]')),
    ).toBe('slo.yaml');
    expect(readPath(entity, parseFactPath("metadata.links[1].url"))).toBe('https://d');
    expect(readPath(entity, parseFactPath('metadata.links[*].title'))).toEqual(['Runbook']);
    expect(readPath(entity, parseFactPath('spec.owner'))).toBeUndefined();
    expect(readPath(entity, parseFactPath('spec.tier.deeper'))).toBeUndefined();
    expect(readPath(entity, parseFactPath('metadata.tags[*]'))).toEqual([]);
  });

  it('says what is wrong with a malformed path', () => {
    expect(() => parseFactPath('')).toThrow('must not be empty');
    expect(() => parseFactPath('metadata.annotations["x"')).toThrow('unclosed [');
    expect(() => parseFactPath('metadata.links[first]')).toThrow(
      'must be ["key"], [n] or [*]',
    );
    expect(() => parseFactPath('spec..tier')).toThrow('expected a name at ".tier"');
  });
});
