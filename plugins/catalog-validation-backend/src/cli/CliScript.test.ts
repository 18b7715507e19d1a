import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CliScriptFile, versionOf } from './CliScript';

const script = (version: string) =>
  `#!/usr/bin/env node\n// strata-catalog ${version}: validates Backstage catalog files.\nexport {};\n`;

describe('CliScriptFile', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-script-'));
  });

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads the built script and its version, and reads it again once rebuilt', async () => {
    const file = path.join(dir, 'strata-catalog.mjs');
    fs.writeFileSync(file, script('0.1.0+aaaaaaaaaaaa'));
    const cli = new CliScriptFile(file);
    expect(await cli.read()).toEqual({
      content: script('0.1.0+aaaaaaaaaaaa'),
      version: '0.1.0+aaaaaaaaaaaa',
    });

    fs.writeFileSync(file, script('0.1.0+bbbbbbbbbbbb'));
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect((await cli.read()).version).toBe('0.1.0+bbbbbbbbbbbb');
  });

  it('throws a ServiceUnavailableError when nothing was built', async () => {
    await expect(
      new CliScriptFile(path.join(dir, 'missing.mjs')).read(),
    ).rejects.toMatchObject({ name: 'ServiceUnavailableError' });
  });

  it('resolves the default location in the strata-catalog-cli package', () => {
    expect(CliScriptFile.default().path).toBe(
      path.resolve(
        __dirname,
        '../../../../packages/strata-catalog-cli/dist-standalone/strata-catalog.mjs',
      ),
    );
  });

  it('says "unknown" for a file without the version line', () => {
    expect(versionOf('console.log(1)\n')).toBe('unknown');
  });
});
