import { createMockDirectory } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import { listWorkspaceFiles, symlinkProblem } from './workspaceFiles';

describe('symlinkProblem', () => {
  it('accepts relative links that stay inside', () => {
    expect(symlinkProblem('/ws', '/ws/a/link', '../b/file')).toBeUndefined();
  });

  it('refuses absolute links and links that climb out', () => {
    expect(symlinkProblem('/ws', '/ws/link', '/etc/passwd')).toBe(
      'The symbolic link link points to the absolute path /etc/passwd; only relative links inside the repository may be published.',
    );
    expect(symlinkProblem('/ws', '/ws/a/link', '../../secret')).toMatch(
      /^The symbolic link a\/link points outside the folder being published \(\.\.\/\.\.\/secret\)/,
    );
  });
});

describe('listWorkspaceFiles', () => {
  const dir = createMockDirectory();
  beforeEach(() => dir.clear());

  it('lists files and inside links, skipping .git', async () => {
    dir.addContent({ 'a.txt': 'a', 'src/b.ts': 'b', '.git/HEAD': 'x' });
    fs.symlinkSync('../a.txt', dir.resolve('src/link'));
    expect(await listWorkspaceFiles(dir.path)).toEqual([
      { path: 'a.txt', symlink: false },
      { path: 'src/b.ts', symlink: false },
      { path: 'src/link', symlink: true },
    ]);
  });

  it('refuses a link that leaves the folder', async () => {
    dir.addContent({ 'sub/a.txt': 'a', 'secret.txt': 's' });
    fs.symlinkSync('../secret.txt', dir.resolve('sub/link'));
    await expect(listWorkspaceFiles(dir.resolve('sub'))).rejects.toThrow(
      'The symbolic link link points outside the folder being published (../secret.txt)',
    );
  });
});
