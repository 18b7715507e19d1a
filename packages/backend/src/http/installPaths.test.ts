import { installPaths, installRoot } from './installPaths';

describe('installPaths', () => {
  it('is the install root, and the working directory inside it', () => {
    expect(
      installPaths({
        root: '/srv/strata',
        cwd: '/srv/strata/packages/backend',
      }),
    ).toEqual(['/srv/strata/packages/backend', '/srv/strata']);
  });

  it('never hides a folder above the install, whatever the working directory', () => {
    expect(
      installPaths({ root: '/tmp/ci-clone', cwd: '/tmp/ci-clone' }),
    ).toEqual(['/tmp/ci-clone']);
    expect(installPaths({ root: '/srv/strata', cwd: '/tmp' })).toEqual([
      '/srv/strata',
    ]);
    expect(installPaths({ root: '/', cwd: '/' })).toEqual([]);
  });

  it('finds the install root from the backend package', () => {
    expect(installRoot()).toBe(
      require('node:path').resolve(__dirname, '../../../..'),
    );
  });
});
