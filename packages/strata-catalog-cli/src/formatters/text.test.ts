import { formatText } from './text';
import { sampleResult } from '../__testUtils__/sampleResult';

describe('formatText', () => {
  it('prints each violation with its hint, then the summary', () => {
    expect(formatText(sampleResult()).split('\n')).toEqual([
      'services/a, b/catalog-info.yaml:4:9  error  Invalid entity name "my svc"  [entity-name]',
      '    hint: Use 100% valid names:',
      'letters and digits',
      'services/a, b/catalog-info.yaml:9:12  warning  metadata.links[0].url uses the ftp: scheme  [unsafe-link]',
      '    hint: Use https.',
      '',
      '1 files, 0 entities, 1 errors, 1 warnings',
    ]);
  });

  it('prints only the summary when all is well', () => {
    expect(
      formatText({
        files: [],
        entities: [],
        violations: [],
        errors: 0,
        warnings: 0,
      }),
    ).toBe('0 files, 0 entities, 0 errors, 0 warnings');
  });
});
