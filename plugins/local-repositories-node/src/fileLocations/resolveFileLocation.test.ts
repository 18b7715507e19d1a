import { createMockDirectory } from '@backstage/backend-test-utils';
import fs from 'node:fs';
import { FileLocationRoots } from './fileLocationRoots';
import { resolveFileLocation } from './resolveFileLocation';

/*
 * The attacks of the security review (issue: a signed-in user could read host files through
 * `file` locations), against the function every `file` read goes through. Layout:
 *   root/repos/app/catalog-info.yaml   a local repository (allowed folder)
 *   root/portal/catalog-info.yaml      an allowed single file (the portal's own entity)
 *   root/portal/secret.yaml            next to it, not allowed
 *   root/templates/<t>/template.yaml   an app-config glob target
 */
describe('resolveFileLocation', () => {
  const root = createMockDirectory();
  let roots: FileLocationRoots;

  beforeEach(() => {
    root.clear();
    root.addContent({
      'repos/app/catalog-info.yaml': 'kind: Component',
      'portal/catalog-info.yaml': 'kind: Component',
      'portal/secret.yaml': 'password: hunter2',
      'templates/a/template.yaml': 'kind: Template',
      'templates/b/template.yaml': 'kind: Template',
    });
    roots = {
      folders: [root.resolve('repos'), root.resolve('templates')],
      files: [root.resolve('portal/catalog-info.yaml')],
      patterns: [root.resolve('templates/*/template.yaml')],
    };
  });

  const refused = expect.objectContaining({ kind: 'refused' });

  it('reads a file in an allowed folder and an allowed single file', async () => {
    await expect(
      resolveFileLocation(root.resolve('repos/app/catalog-info.yaml'), roots),
    ).resolves.toEqual({
      kind: 'files',
      files: [fs.realpathSync(root.resolve('repos/app/catalog-info.yaml'))],
      skipped: [],
    });
    await expect(
      resolveFileLocation(root.resolve('portal/catalog-info.yaml'), roots),
    ).resolves.toMatchObject({ kind: 'files' });
  });

  it('expands an app-config glob target', async () => {
    const result = await resolveFileLocation(
      root.resolve('templates/*/template.yaml'),
      roots,
    );
    expect(result).toEqual({
      kind: 'files',
      files: ['a', 'b'].map(t =>
        fs.realpathSync(root.resolve(`templates/${t}/template.yaml`)),
      ),
      skipped: [],
    });
  });

  it.each([
    ['a file elsewhere on the host', '/etc/passwd'],
    ['a sibling of an allowed single file', 'portal/secret.yaml'],
    ['a climb out with ..', 'repos/app/../../portal/secret.yaml'],
    ['a star glob', 'repos/*/catalog-info.yaml'],
    ['a star glob reaching a secret', 'portal/*.yaml'],
    ['a character class', 'portal/secre[t].yaml'],
    ['a brace with ..', 'repos/{app,../portal}/secret.yaml'],
    ['a brace to the root', 'repos/{app,../../../../../../etc}/passwd'],
    ['a question mark', 'portal/secre?.yaml'],
  ])('refuses %s', async (_, target) => {
    const absolute = target.startsWith('/') ? target : root.resolve(target);
    await expect(resolveFileLocation(absolute, roots)).resolves.toEqual(
      refused,
    );
  });

  it('answers a refused path the same whether or not it exists', async () => {
    const existing = await resolveFileLocation(
      root.resolve('portal/secret.yaml'),
      roots,
    );
    const missing = await resolveFileLocation(
      root.resolve('portal/no-such-file.yaml'),
      roots,
    );
    expect(existing).toEqual(missing);
    const existingGlob = await resolveFileLocation(
      root.resolve('repos/{app,../portal}/secret.yaml'),
      roots,
    );
    const missingGlob = await resolveFileLocation(
      root.resolve('repos/{app,../portal}/nothing.yaml'),
      roots,
    );
    expect(existingGlob).toEqual(missingGlob);
  });

  it('refuses a symbolic link in an allowed folder that leads out of it', async () => {
    fs.symlinkSync(
      root.resolve('portal/secret.yaml'),
      root.resolve('repos/app/linked.yaml'),
    );
    await expect(
      resolveFileLocation(root.resolve('repos/app/linked.yaml'), roots),
    ).resolves.toEqual(refused);
  });

  it('says missing for a link whose target does not exist', async () => {
    fs.symlinkSync('/nonexistent/x.yaml', root.resolve('repos/app/dead.yaml'));
    await expect(
      resolveFileLocation(root.resolve('repos/app/dead.yaml'), roots),
    ).resolves.toEqual({ kind: 'missing' });
  });

  it('skips, and names, glob matches that are links out of the roots', async () => {
    fs.mkdirSync(root.resolve('templates/c'));
    fs.symlinkSync(
      root.resolve('portal/secret.yaml'),
      root.resolve('templates/c/template.yaml'),
    );
    const result = await resolveFileLocation(
      root.resolve('templates/*/template.yaml'),
      roots,
    );
    expect(result).toMatchObject({
      kind: 'files',
      skipped: [root.resolve('templates/c/template.yaml')],
    });
    expect(JSON.stringify(result)).not.toContain('portal/secret.yaml');
  });

  it('says missing for an absent file inside the roots', async () => {
    await expect(
      resolveFileLocation(root.resolve('repos/gone/catalog-info.yaml'), roots),
    ).resolves.toEqual({ kind: 'missing' });
  });
});
