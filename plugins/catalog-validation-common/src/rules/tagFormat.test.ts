import { component } from '../testUtils';
import { tagFormatRule } from './tagFormat';

describe('tag-format', () => {
  it('accepts valid tags', () => {
    expect(
      tagFormatRule.check(
        component({
          metadata: { tags: ['java', 'c++', 'c#', 'a-b', 'k8s:prod'] },
        }),
      ),
    ).toEqual([]);
  });

  it('reports each invalid tag at its index', () => {
    expect(
      tagFormatRule.check(
        component({ metadata: { tags: ['ok', 'Java', 'two words', 5] } }),
      ),
    ).toEqual([
      expect.objectContaining({
        path: ['metadata', 'tags', 1],
        message: 'Invalid tag "Java"',
      }),
      expect.objectContaining({
        path: ['metadata', 'tags', 2],
        message: 'Invalid tag "two words"',
      }),
    ]);
  });
});
