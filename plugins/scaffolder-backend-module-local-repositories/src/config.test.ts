import { mockServices } from '@backstage/backend-test-utils';
import { readLocalPublishing } from './config';

describe('readLocalPublishing', () => {
  it('is on unless switched off', () => {
    expect(readLocalPublishing(mockServices.rootConfig())).toBe(true);
    const off = mockServices.rootConfig({
      data: { strata: { scaffolder: { localPublishing: false } } },
    });
    expect(readLocalPublishing(off)).toBe(false);
  });
});
