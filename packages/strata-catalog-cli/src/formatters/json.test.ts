import { formatJson } from './json';
import { sampleResult } from '../__testUtils__/sampleResult';

describe('formatJson', () => {
  it('prints counts and every violation', () => {
    const result = sampleResult();
    expect(JSON.parse(formatJson(result))).toEqual({
      files: 1,
      entities: 0,
      errors: 1,
      warnings: 1,
      violations: result.violations,
    });
  });
});
