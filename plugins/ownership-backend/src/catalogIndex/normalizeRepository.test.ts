import { normalizeRepository } from './normalizeRepository';

describe('normalizeRepository', () => {
  it.each([
    [
      'https://github.com/dataflow-systems/admin',
      'github.com/dataflow-systems/admin',
    ],
    [
      'https://GitHub.com/dataflow-systems/admin.git',
      'github.com/dataflow-systems/admin',
    ],
    [
      'https://github.com/dataflow-systems/admin/',
      'github.com/dataflow-systems/admin',
    ],
    [
      'url:https://github.com/dataflow-systems/admin/',
      'github.com/dataflow-systems/admin',
    ],
    [
      'url:https://github.com/dataflow-systems/admin/tree/main/',
      'github.com/dataflow-systems/admin',
    ],
    [
      'url:https://github.com/dataflow-systems/admin/blob/main/catalog-info.yaml',
      'github.com/dataflow-systems/admin',
    ],
    [
      'git@github.com:dataflow-systems/admin.git',
      'github.com/dataflow-systems/admin',
    ],
    ['dataflow-systems/admin', 'github.com/dataflow-systems/admin'],
    [
      'https://gitlab.example/group/sub/repo/-/tree/main',
      'gitlab.example/group/sub/repo',
    ],
    [
      'https://git.example/team/repo/catalog-info.yaml',
      'git.example/team/repo',
    ],
    ['file:/srv/repos/billing/catalog-info.yaml', 'file/srv/repos/billing'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeRepository(input)).toBe(expected);
  });

  it('keeps the case of the path (only the host is case-insensitive)', () => {
    expect(normalizeRepository('https://github.com/Org/Repo')).toBe(
      'github.com/Org/Repo',
    );
  });

  it.each(['', '   ', 'not a url', 'https://github.com/'])(
    'gives undefined for %j',
    input => {
      expect(normalizeRepository(input)).toBeUndefined();
    },
  );
});
