import { component } from '../testUtils';
import { labelFormatRule } from './labelFormat';

describe('label-format', () => {
  it('accepts valid labels', () => {
    expect(
      labelFormatRule.check(
        component({
          metadata: { labels: { 'example.com/tier': 'gold', plain: '' } },
        }),
      ),
    ).toEqual([]);
  });

  it('reports bad keys at the key and bad values at the value', () => {
    expect(
      labelFormatRule.check(
        component({
          metadata: { labels: { 'a/b/c': 'ok', tier: 'gold plated' } },
        }),
      ),
    ).toEqual([
      expect.objectContaining({
        path: ['metadata', 'labels', 'a/b/c'],
        part: 'key',
        message: 'Invalid label key "a/b/c"',
      }),
      expect.objectContaining({
        path: ['metadata', 'labels', 'tier'],
        message: 'Invalid value "gold plated" for label tier',
      }),
    ]);
  });

  it('leaves values that are not strings to the schema rule', () => {
    expect(
      labelFormatRule.check(component({ metadata: { labels: { tier: 1 } } })),
    ).toEqual([]);
  });
});
