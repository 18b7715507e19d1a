import { component } from '../testUtils';
import { annotationFormatRule } from './annotationFormat';

describe('annotation-format', () => {
  it('accepts valid keys with any string value', () => {
    expect(
      annotationFormatRule.check(
        component({
          metadata: {
            annotations: {
              'backstage.io/techdocs-ref': 'dir:.',
              x: 'free text!',
            },
          },
        }),
      ),
    ).toEqual([]);
  });

  it('reports invalid keys at the key', () => {
    expect(
      annotationFormatRule.check(
        component({
          metadata: { annotations: { 'Example.com/x': 'v', 'a b': 'v' } },
        }),
      ),
    ).toEqual([
      expect.objectContaining({
        path: ['metadata', 'annotations', 'Example.com/x'],
        part: 'key',
      }),
      expect.objectContaining({
        path: ['metadata', 'annotations', 'a b'],
        message: 'Invalid annotation key "a b"',
      }),
    ]);
  });
});
