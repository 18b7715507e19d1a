/*
 * The catalog settings of Strata's real configuration files, for tests that must prove what
 * those files do (not a hand-written copy of them). Reads app-config.yaml and, for
 * `production`, app-config.production.yaml on top, merged as Backstage merges them (objects
 * key by key, arrays replaced). `file` targets are made absolute as the backend resolves them
 * from packages/backend.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export const repoRoot = path.resolve(__dirname, '../../../../..');
const backendDir = path.join(repoRoot, 'packages/backend');

type Json = Record<string, any>;

function merge(base: Json, override: Json): Json {
  const out: Json = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const current = out[key];
    out[key] =
      value &&
      typeof value === 'object' &&
      !Array.isArray(value) &&
      current &&
      typeof current === 'object' &&
      !Array.isArray(current)
        ? merge(current, value)
        : value;
  }
  return out;
}

function read(file: string): Json {
  return parse(fs.readFileSync(path.join(repoRoot, file), 'utf8'));
}

/** `catalog.rules`, `catalog.locations` and `strata.catalog` of the given profile. */
export function strataCatalogConfig(profile: 'embedded' | 'production') {
  let config = read('app-config.yaml');
  if (profile === 'production') {
    config = merge(config, read('app-config.production.yaml'));
  }
  const absolute = (target: string) => path.resolve(backendDir, target);
  return {
    rules: config.catalog.rules,
    locations: (config.catalog.locations as Json[]).map(location =>
      location.type === 'file'
        ? { ...location, target: absolute(location.target) }
        : location,
    ),
    allowedFileLocationRoots: (
      (config.strata?.catalog?.allowedFileLocationRoots ?? []) as string[]
    ).map(absolute),
  };
}
