/*
 * Worst-case cost of catalog file validation (validateCatalogFiles from
 * @internal/plugin-catalog-validation-common) for the largest request the
 * validation endpoint takes (1 MiB of content), with and without the parse
 * limits, and how long the event loop is blocked when the server's
 * asynchronous variant runs.
 *
 *   node --require ./node_modules/@backstage/cli-node/config/nodeTransform.cjs \
 *     bench/validation-limits/run.ts [--only NAME] [--skip-unlimited]
 *
 * "limits off" runs the same code with the size, depth and mapping limits off
 * (aliases stay limited to 100, the parser's default). It is close to, not
 * the same as, the library before the limits: the linear duplicate-key check
 * stays on (before it, a 1 MiB flat mapping took ~3 minutes).
 * Prints one Markdown table; asserts nothing.
 */
import {
  CatalogFileInput,
  DEFAULT_PARSE_LIMITS,
  validateCatalogFiles,
  validateCatalogFilesAsync,
} from '@internal/plugin-catalog-validation-common';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const KiB = 1024;
const MiB = 1024 * KiB;
const REQUEST_BYTES = MiB; // the endpoint's content limit per request
const FILE_BYTES = DEFAULT_PARSE_LIMITS.maxFileBytes;

const repeatTo = (unit: string, bytes: number) =>
  unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));

function flatMap(bytes: number, keysPerMap = Infinity): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line =
      keysPerMap === Infinity || i % keysPerMap !== 0
        ? `  k${i}: v\n`
        : `m${i}:\n  k${i}: v\n`;
    lines.push(keysPerMap === Infinity ? line.trimStart() : line);
    size += line.length;
  }
  return lines.join('');
}

const entity = (i: number) =>
  [
    '---',
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    `  name: svc-${i}`,
    '  annotations:',
    `    github.com/project-slug: dataflow/svc-${i}`,
    '  links:',
    `    - url: https://svc-${i}.example.com`,
    'spec:',
    '  type: service',
    '  lifecycle: production',
    '  owner: group:default/team-a',
    '  tier: 2',
    '',
  ].join('\n');

function manyEntities(bytes: number, from = 0): string {
  let text = '';
  for (let i = from; text.length < bytes - 400; i++) text += entity(i);
  return text;
}

function blockIndent(bytes: number): string {
  let text = '';
  for (let i = 0; text.length < bytes; i++) text += `${' '.repeat(i)}a:\n`;
  return text;
}

const laughs = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefghi'
    .split('')
    .map(
      (n, i) => `${n}: &${n} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`,
    ),
].join('\n');

/** `count` files that split `bytes` between them. */
function split(
  name: string,
  count: number,
  make: (bytes: number, i: number) => string,
): CatalogFileInput[] {
  return Array.from({ length: count }, (_, i) => ({
    path: `${name}-${i}.yaml`,
    text: make(Math.floor(REQUEST_BYTES / count), i),
  }));
}

const cases: Record<string, () => CatalogFileInput[]> = {
  // Valid requests at the limits.
  'valid: 2 files of ~512 KiB entities': () =>
    split('e', 2, (b, i) => manyEntities(Math.min(b, FILE_BYTES), i * 10000)),
  'valid: 200 files of ~5 KiB entities': () =>
    split('e', 200, (b, i) => manyEntities(b, i * 100)),
  'valid: 2 files, 1000-key mappings': () =>
    split('m', 2, b => flatMap(Math.min(b, FILE_BYTES) - 64, 1000)),
  // Hostile requests.
  'flow [ nesting, 1 file': () => [
    { path: 'f.yaml', text: '['.repeat(MiB / 2) + ']'.repeat(MiB / 2) },
  ],
  'flow [ nesting, 2 files of 512 KiB': () =>
    split('f', 2, b => '['.repeat(b / 2) + ']'.repeat(b / 2)),
  'block "- - -" nesting, 2 files': () =>
    split('b', 2, b => `${repeatTo('- ', b - 4)}x\n`),
  'block indentation, 1 file': () => [
    { path: 'i.yaml', text: blockIndent(REQUEST_BYTES) },
  ],
  'billion laughs': () => [{ path: 'l.yaml', text: `${laughs}\n` }],
  'many aliases, 2 files': () =>
    split('a', 2, b => `a: &a x\nb: [${repeatTo('*a, ', b - 40)}]\n`),
  'flat mapping, 2 files of 512 KiB': () =>
    split('k', 2, b => flatMap(Math.min(b, FILE_BYTES) - 64)),
};

const unlimited = {
  maxFileBytes: Infinity,
  maxDepth: Infinity,
  maxAliases: 100,
  maxMappingEntries: Infinity,
};

function timeSync(files: CatalogFileInput[], limits?: object) {
  const start = performance.now();
  let outcome: string;
  try {
    const result = validateCatalogFiles(files, { limits });
    const rules = [...new Set(result.violations.map(v => v.rule))];
    outcome = `${result.entities.length} entities, ${result.errors} errors${
      rules.length ? ` (${rules.slice(0, 3).join(', ')})` : ''
    }`;
  } catch (e) {
    outcome = `throws ${(e as Error).name}`;
  }
  return { ms: performance.now() - start, outcome };
}

async function timeAsync(files: CatalogFileInput[]) {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const start = performance.now();
  await validateCatalogFilesAsync(files);
  const ms = performance.now() - start;
  histogram.disable();
  return { ms, maxBlockMs: histogram.max / 1e6 };
}

async function main() {
  const only = process.argv.includes('--only')
    ? process.argv[process.argv.indexOf('--only') + 1]
    : undefined;
  const skipUnlimited = process.argv.includes('--skip-unlimited');
  console.log(
    `limits: ${JSON.stringify(DEFAULT_PARSE_LIMITS)}; request: ${
      REQUEST_BYTES / KiB
    } KiB of content`,
  );
  console.log(
    '| input | limits off ms | limited ms | outcome (limited) | async total ms | async longest event-loop block ms |',
  );
  console.log('|---|---:|---:|---|---:|---:|');
  for (const [name, make] of Object.entries(cases)) {
    if (only && !name.includes(only)) continue;
    const files = make();
    validateCatalogFiles(split('w', 1, () => entity(0))); // warm-up
    const before = skipUnlimited ? undefined : timeSync(files, unlimited);
    const after = timeSync(files);
    const async = await timeAsync(files);
    console.log(
      `| ${name} | ${before ? before.ms.toFixed(0) : '-'} | ${after.ms.toFixed(
        0,
      )} | ${after.outcome} | ${async.ms.toFixed(
        0,
      )} | ${async.maxBlockMs.toFixed(0)} |`,
    );
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
