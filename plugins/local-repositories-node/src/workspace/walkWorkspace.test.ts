import { createMockDirectory } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import {
  readWorkspaceFiles,
  symlinkProblem,
  walkWorkspace,
} from './walkWorkspace';

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

describe('walkWorkspace', () => {
  const dir = createMockDirectory();
  beforeEach(() => dir.clear());

  it('lists files, executables and inside links (not followed), skipping .git', async () => {
    dir.addContent({ 'a.txt': 'a', 'src/b.ts': 'b', '.git/HEAD': 'x' });
    fs.chmodSync(dir.resolve('src/b.ts'), 0o755);
    fs.symlinkSync('../a.txt', dir.resolve('src/link'));
    expect(await walkWorkspace(dir.path)).toEqual([
      { path: 'a.txt', kind: 'file' },
      { path: 'src/b.ts', kind: 'executable' },
      { path: 'src/link', kind: 'symlink' },
    ]);
    expect(await readWorkspaceFiles(dir.path)).toEqual([
      { path: 'a.txt', kind: 'file', content: Buffer.from('a') },
      { path: 'src/b.ts', kind: 'executable', content: Buffer.from('b') },
      { path: 'src/link', kind: 'symlink', content: '../a.txt' },
    ]);
  });

  it('refuses a link that leaves the folder, and a folder that is not there', async () => {
    dir.addContent({ 'sub/a.txt': 'a', 'secret.txt': 's' });
    fs.symlinkSync('../secret.txt', dir.resolve('sub/link'));
    await expect(walkWorkspace(dir.resolve('sub'))).rejects.toThrow(
      'The symbolic link link points outside the folder being published (../secret.txt)',
    );
    await expect(walkWorkspace(dir.resolve('missing'))).rejects.toThrow(
      `The source path ${dir.resolve(
        'missing',
      )} does not exist in the workspace`,
    );
  });
});
