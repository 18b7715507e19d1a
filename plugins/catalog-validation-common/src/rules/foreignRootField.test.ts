import { component } from '../testUtils';
import { foreignRootFieldRule } from './foreignRootField';

describe('foreign-root-field', () => {
  it('accepts the four root fields', () => {
    expect(foreignRootFieldRule.check(component())).toEqual([]);
  });

  it('reports any other root field at its key', () => {
    expect(
      foreignRootFieldRule.check(component({ owner: 'x', status: {} })),
    ).toEqual([
      expect.objectContaining({
        path: ['owner'],
        part: 'key',
        message: 'Unknown top-level field owner',
      }),
      expect.objectContaining({
        path: ['status'],
        part: 'key',
        message: 'Unknown top-level field status',
      }),
    ]);
  });
});
