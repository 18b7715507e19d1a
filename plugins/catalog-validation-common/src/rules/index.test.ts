import { rules } from '.';

describe('rules', () => {
  it('has one definition per rule id, each documented', () => {
    const ids = rules.map(r => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      'parse-limit',
      'yaml-syntax',
      'not-an-object',
      'required-field',
      'unknown-kind',
      'foreign-root-field',
      'schema',
      'entity-name',
      'entity-namespace',
      'label-format',
      'annotation-format',
      'tag-format',
      'unsafe-link',
      'invalid-reference',
      'service-model',
      'duplicate-entity',
      'missing-reference',
      'openslo/yaml-syntax',
      'openslo/not-openslo',
      'openslo/unknown-kind',
      'openslo/required-field',
      'openslo/invalid-name',
      'openslo/duplicate-name',
      'openslo/unknown-indicator',
      'openslo/invalid-target',
      'openslo/invalid-duration',
      'openslo/invalid-time-window',
      'openslo/unsupported-budgeting-method',
      'openslo/unsupported-metric-source',
      'openslo/unsupported-filter',
      'openslo/invalid-objective',
      'openslo/unreadable-file',
    ]);
    for (const rule of rules) {
      expect(rule.description.length).toBeGreaterThan(20);
    }
  });
});
