import { pushChanges, pushedBranch } from './pushChanges';

describe('pushChanges', () => {
  it('keeps what each path became over all commits, in order', () => {
    expect(
      pushChanges([
        { id: '1', added: ['a.yaml', 'b.yaml'], modified: ['c.yaml'] },
        { id: '2', modified: ['a.yaml'], removed: ['b.yaml', 'd.yaml'] },
        { id: '3', added: ['d.yaml'], modified: ['c.yaml'] },
      ]),
    ).toEqual({
      // added then modified: still new to the catalog
      added: ['a.yaml'],
      // d.yaml was removed and came back: its content changed
      modified: ['c.yaml', 'd.yaml'],
      // b.yaml was added and removed within the push: the catalog never saw it
      removed: [],
    });
  });

  it('reads a rename as the old path removed and the new one added', () => {
    expect(
      pushChanges([
        {
          id: '1',
          added: ['services/billing/catalog-info.yaml'],
          removed: ['billing/catalog-info.yaml'],
        },
      ]),
    ).toEqual({
      added: ['services/billing/catalog-info.yaml'],
      modified: [],
      removed: ['billing/catalog-info.yaml'],
    });
  });

  it('tolerates commits without file lists', () => {
    expect(pushChanges([{ id: '1' }])).toEqual({
      added: [],
      modified: [],
      removed: [],
    });
  });
});

describe('pushedBranch', () => {
  it('names the branch of a branch ref only', () => {
    expect(pushedBranch('refs/heads/main')).toBe('main');
    expect(pushedBranch('refs/heads/feature/x')).toBe('feature/x');
    expect(pushedBranch('refs/tags/v1.0.0')).toBeUndefined();
  });
});
