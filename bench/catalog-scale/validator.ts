/*
 * Throughput of Strata's catalog file validator (validateCatalogFiles from
 * @internal/plugin-catalog-validation-common) over a generated organisation.
 *
 *   node --require ./node_modules/@backstage/cli-node/config/nodeTransform.cjs \
 *     bench/catalog-scale/validator.ts --dir DIR [--runs 3] [--out result.json]
 *
 * Reads every *.yaml under DIR once (timed separately), then runs validateCatalogFiles over the
 * whole set `runs` times in this process (the first run includes JIT warm-up) and reports the
 * median run. Prints one line `RESULT {json}`.
 */
import { validateCatalogFiles } from '@internal/plugin-catalog-validation-common';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && process.argv[i + 1]) return process.argv[i + 1];
  if (fallback === undefined) throw new Error(`--${name} is required`);
  return fallback;
}

const dir = path.resolve(arg('dir'));
const runs = Math.max(1, Math.min(10, Number(arg('runs', '3'))));
const outFile = process.argv.includes('--out') ? arg('out') : undefined;

function listYaml(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) out.push(p);
    }
  };
  walk(root);
  return out.sort();
}

const tRead = performance.now();
const files = listYaml(dir).map(p => ({ path: path.relative(dir, p), text: fs.readFileSync(p, 'utf8') }));
const readSeconds = (performance.now() - tRead) / 1000;
const bytes = files.reduce((n, f) => n + f.text.length, 0);

const seconds: number[] = [];
let entities = 0;
let errors = 0;
let warnings = 0;
for (let r = 0; r < runs; r++) {
  const t = performance.now();
  const result = validateCatalogFiles(files);
  seconds.push((performance.now() - t) / 1000);
  entities = result.entities.length;
  errors = result.errors;
  warnings = result.warnings;
  process.stderr.write(`validator run ${r + 1}/${runs}: ${seconds[r].toFixed(2)}s\n`);
}
const median = [...seconds].sort((a, b) => a - b)[Math.floor(seconds.length / 2)];
const result = {
  files: files.length,
  entities,
  megabytes: +(bytes / 1e6).toFixed(1),
  errors,
  warnings,
  readSeconds: +readSeconds.toFixed(2),
  runSeconds: seconds.map(s => +s.toFixed(2)),
  medianSeconds: +median.toFixed(2),
  filesPerSecond: Math.round(files.length / median),
  entitiesPerSecond: Math.round(entities / median),
  loadavg: os.loadavg().map(l => Math.round(l * 100) / 100),
};
if (outFile) fs.writeFileSync(outFile, `${JSON.stringify(result)}\n`);
console.log(`RESULT ${JSON.stringify(result)}`);
