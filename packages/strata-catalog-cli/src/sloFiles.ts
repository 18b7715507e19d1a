import {
  missingSloFileViolation,
  ValidatedEntity,
  Violation,
} from '@internal/plugin-catalog-validation-common';
import fs from 'node:fs/promises';
import path from 'node:path';

/** SLO files the validated catalog files point at, and the annotations that point at nothing. */
export type ReferencedSloFiles = {
  /** Paths to validate too, named like the other files (relative to the working directory). */
  files: string[];
  /** `unreadable-file` violations at annotations whose file does not exist. */
  missing: Violation[];
};

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/**
 * The SLO files (`strata.dev/slo-file`, relative to the catalog file that names it) of the
 * validated entities that are not among the validated files yet, so `strata-catalog` in a
 * service repository checks its SLOs along with its catalog file. URLs are left to the portal.
 */
export async function referencedSloFiles(
  entities: ValidatedEntity[],
  validated: string[],
  cwd: string,
): Promise<ReferencedSloFiles> {
  const known = new Set(validated.map(f => path.resolve(cwd, f)));
  const files: string[] = [];
  const missing: Violation[] = [];
  for (const entity of entities) {
    const { sloFile } = entity;
    if (!sloFile || /^[a-z][a-z0-9+.-]*:\/\//i.test(sloFile.path)) continue;
    const absolute = path.resolve(cwd, path.dirname(entity.file), sloFile.path);
    if (known.has(absolute)) continue;
    known.add(absolute);
    const relative = path.relative(cwd, absolute);
    const shown = relative.startsWith('..') ? absolute : toPosix(relative);
    const stat = await fs.stat(absolute).catch(() => undefined);
    if (stat?.isFile()) {
      files.push(shown);
    } else {
      missing.push(missingSloFileViolation({ ...entity, sloFile }, shown));
    }
  }
  return { files, missing };
}
