import fs from 'node:fs';
import path from 'node:path';
import { Generated } from './generate';

/** A committed generated file that is not what its spec generates. */
export type Drift = {
  path: string;
  problem: 'differs' | 'missing' | 'not generated';
  specFile: string;
};

function filesUnder(root: string, dir: string): string[] {
  const absolute = path.join(root, dir);
  if (!fs.existsSync(absolute)) {
    return [];
  }
  return fs
    .readdirSync(absolute, { withFileTypes: true })
    .flatMap(entry =>
      entry.isDirectory()
        ? filesUnder(root, `${dir}/${entry.name}`)
        : [`${dir}/${entry.name}`],
    );
}

/** Compares what the specs generate with the files on disk; writes nothing. */
export function findDrift(root: string, generated: Generated[]): Drift[] {
  const drift: Drift[] = [];
  for (const { target, files, ownedDirs } of generated) {
    const expected = new Set(files.map(f => f.path));
    for (const file of files) {
      const absolute = path.join(root, file.path);
      if (!fs.existsSync(absolute)) {
        drift.push({
          path: file.path,
          problem: 'missing',
          specFile: target.specFile,
        });
      } else if (fs.readFileSync(absolute, 'utf8') !== file.content) {
        drift.push({
          path: file.path,
          problem: 'differs',
          specFile: target.specFile,
        });
      }
    }
    for (const dir of ownedDirs) {
      for (const file of filesUnder(root, dir)) {
        if (!expected.has(file)) {
          drift.push({
            path: file,
            problem: 'not generated',
            specFile: target.specFile,
          });
        }
      }
    }
  }
  return drift;
}

/**
 * Writes what the specs generate: changed and new files, and removes files in
 * the generated folders that no spec generates any more (a deleted schema's
 * model). Returns what it changed.
 */
export function writeGenerated(root: string, generated: Generated[]): Drift[] {
  const drift = findDrift(root, generated);
  const contents = new Map(
    generated.flatMap(g => g.files).map(f => [f.path, f.content]),
  );
  for (const change of drift) {
    const absolute = path.join(root, change.path);
    if (change.problem === 'not generated') {
      fs.rmSync(absolute);
    } else {
      fs.mkdirSync(path.dirname(absolute), { recursive: true });
      fs.writeFileSync(absolute, contents.get(change.path)!);
    }
  }
  return drift;
}
