import { formatGithub } from './github';
import { sampleResult } from '../__testUtils__/sampleResult';

describe('formatGithub', () => {
  it('prints escaped workflow commands, then the summary', () => {
    expect(formatGithub(sampleResult()).split('\n')).toEqual([
      '::error file=services/a%2C b/catalog-info.yaml,line=4,col=9,title=entity-name::Invalid entity name "my svc" (Use 100%25 valid names:%0Aletters and digits)',
      '::warning file=services/a%2C b/catalog-info.yaml,line=9,col=12,title=unsafe-link::metadata.links[0].url uses the ftp: scheme (Use https.)',
      '1 files, 0 entities, 1 errors, 1 warnings',
    ]);
  });
});
