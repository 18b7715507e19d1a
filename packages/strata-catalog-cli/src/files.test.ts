import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { IoError } from './errors';
import { findCatalogFiles, readCatalogFiles } from './files';

describe('findCatalogFiles', () => {
  let root: string;

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-catalog-files-'));
    const write = (file: string) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), 'x: 1\n');
    };
    write('catalog-info.yaml');
    write('services/b/catalog-info.yaml');
    write('services/a/catalog-info.yaml');
    write('services/a/other.yml');
    write('node_modules/dep/catalog-info.yaml');
    write('.hidden/catalog-info.yaml');
  });

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds **/catalog-info.yaml by default, without node_modules or hidden folders', async () => {
    expect(await findCatalogFiles([], root)).toEqual({
      files: [
        'catalog-info.yaml',
        'services/a/catalog-info.yaml',
        'services/b/catalog-info.yaml',
      ],
      unmatched: [],
    });
  });

  it('expands globs and directories, keeping files once', async () => {
    expect(
      await findCatalogFiles(
        ['services/a', 'services/**/catalog-info.yaml', './catalog-info.yaml'],
        root,
      ),
    ).toEqual({
      files: [
        'services/a/catalog-info.yaml',
        'services/a/other.yml',
        'services/b/catalog-info.yaml',
        'catalog-info.yaml',
      ],
      unmatched: [],
    });
  });

  it('notes globs that match nothing', async () => {
    expect(
      await findCatalogFiles(['catalog-info.yaml', 'none/**/*.yaml'], root),
    ).toEqual({
      files: ['catalog-info.yaml'],
      unmatched: ['none/**/*.yaml'],
    });
  });

  it('fails on a missing file or when nothing matches', async () => {
    await expect(findCatalogFiles(['missing.yaml'], root)).rejects.toThrow(
      new IoError('missing.yaml: no such file or directory'),
    );
    await expect(findCatalogFiles(['none/**/*.yaml'], root)).rejects.toThrow(
      'no catalog files matched none/**/*.yaml',
    );
  });

  it('reads files and reports unreadable ones', async () => {
    expect(await readCatalogFiles(['catalog-info.yaml'], root)).toEqual([
      { path: 'catalog-info.yaml', text: 'x: 1\n' },
    ]);
    await expect(readCatalogFiles(['services'], root)).rejects.toThrow(
      /^cannot read services: /,
    );
  });
});
