import {
  validateCatalogFile,
  validateCatalogFiles,
  validateCatalogFilesAsync,
} from './validate';
import { yaml } from './testUtils';
import { DEFAULT_PARSE_LIMITS } from './yaml/limits';

const service = yaml(
  'apiVersion: backstage.io/v1alpha1',
  'kind: Component',
  'metadata:',
  '  name: billing',
  'spec:',
  '  type: service',
  '  lifecycle: production',
  '  owner: team-a',
  '  tier: 1',
);

/** The single violation of a file, as a caller sees it. */
function only(text: string) {
  const result = validateCatalogFile(text, { filePath: 'f.yaml' });
  expect(result.violations).toHaveLength(1);
  expect(result.entities).toEqual([]);
  return result.violations[0];
}

describe('parse limits', () => {
  it('refuses a file over the size limit without parsing it', () => {
    const text = `${service}# ${'x'.repeat(
      DEFAULT_PARSE_LIMITS.maxFileBytes,
    )}\n`;
    expect(only(text)).toEqual({
      file: 'f.yaml',
      line: 1,
      column: 1,
      rule: 'parse-limit',
      severity: 'error',
      message: 'The file is larger than 512 KiB; it was not validated',
      hint: expect.stringContaining('Split it into several files'),
    });
  });

  it('refuses flow nesting over the depth limit (1 MiB of brackets)', () => {
    const half = 512 * 1024;
    const violation = validateCatalogFile('['.repeat(half) + ']'.repeat(half), {
      filePath: 'f.yaml',
      limits: { maxFileBytes: 2 * half },
    }).violations;
    expect(violation).toEqual([
      expect.objectContaining({
        rule: 'parse-limit',
        line: 1,
        column: 65,
        message:
          'YAML nested more than 64 levels deep; the file was not validated',
      }),
    ]);
  });

  it('refuses block nesting over the depth limit', () => {
    expect(only(`${'- '.repeat(100_000)}x\n`)).toMatchObject({
      rule: 'parse-limit',
      line: 1,
      column: 129,
      message:
        'YAML nested more than 64 levels deep; the file was not validated',
    });
    const indented = Array.from(
      { length: 100 },
      (_, i) => `${' '.repeat(i)}k${i}:`,
    ).join('\n');
    expect(only(`${indented} x\n`)).toMatchObject({
      rule: 'parse-limit',
      line: 65,
      column: 65,
    });
  });

  it('refuses an alias bomb (billion laughs)', () => {
    const names = 'abcdefghi';
    const text = yaml(
      'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      ...names
        .slice(1)
        .split('')
        .map(
          (n, i) => `${n}: &${n} [${Array(9).fill(`*${names[i]}`).join(', ')}]`,
        ),
    );
    expect(only(text)).toMatchObject({
      rule: 'parse-limit',
      severity: 'error',
      message:
        'YAML aliases expand to more than 100 nodes; the document was not validated',
      hint: expect.stringContaining('alias bomb'),
    });
  });

  it('refuses more aliases than the limit', () => {
    const text = `a: &a x\nb: [${Array(101).fill('*a').join(', ')}]\n`;
    expect(only(text)).toMatchObject({
      rule: 'parse-limit',
      line: 2,
      message: 'More than 100 YAML aliases (*name); the file was not validated',
    });
  });

  it('refuses a mapping with more entries than the limit', () => {
    const keys = Array.from({ length: 1001 }, (_, i) => `k${i}: v`);
    expect(only(yaml(...keys))).toMatchObject({
      rule: 'parse-limit',
      line: 1001,
      message:
        'A YAML mapping with more than 1000 entries; the file was not validated',
    });
  });

  it('still reports duplicate keys as the parser does', () => {
    const result = validateCatalogFile(yaml('a: 1', 'b: 2', 'a: 3'), {
      filePath: 'f.yaml',
    });
    expect(result.violations).toEqual([
      expect.objectContaining({
        rule: 'yaml-syntax',
        line: 3,
        column: 1,
        message: 'YAML syntax error: Map keys must be unique',
      }),
    ]);
  });

  it('refuses one file and validates the others', () => {
    const result = validateCatalogFiles(
      [
        { path: 'deep.yaml', text: '[[[[x]]]]\n' },
        { path: 'ok.yaml', text: service },
      ],
      { limits: { maxDepth: 3 } },
    );
    expect(result.violations.map(v => `${v.file} ${v.rule}`)).toEqual([
      'deep.yaml parse-limit',
    ]);
    expect(result.entities.map(e => e.ref)).toEqual([
      'component:default/billing',
    ]);
  });
});

describe('validateCatalogFilesAsync', () => {
  const files = Array.from({ length: 20 }, (_, i) => ({
    path: `f${i}.yaml`,
    text: service.replace('billing', `svc-${i}`),
  }));

  it('returns what validateCatalogFiles returns', async () => {
    expect(await validateCatalogFilesAsync(files)).toEqual(
      validateCatalogFiles(files),
    );
  });

  it('lets other work run between documents', async () => {
    const order: string[] = [];
    const validation = validateCatalogFilesAsync(files, { sliceMs: 0 }).then(
      () => order.push('validated'),
    );
    setTimeout(() => order.push('other work'), 0);
    await validation;
    expect(order).toEqual(['other work', 'validated']);
  });
});
