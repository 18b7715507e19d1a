import { parseCliArgs } from './args';
import { UsageError } from './errors';

describe('parseCliArgs', () => {
  it('defaults to text output and no paths', () => {
    expect(parseCliArgs(['validate'])).toEqual({
      command: 'validate',
      format: 'text',
      patterns: [],
    });
  });

  it('reads the format, portal, token and paths in any order', () => {
    expect(
      parseCliArgs([
        'validate',
        'a.yaml',
        '--format',
        'github',
        '--portal',
        'https://portal.example/',
        '--token',
        't',
        'x/**/*.yaml',
      ]),
    ).toEqual({
      command: 'validate',
      format: 'github',
      portal: 'https://portal.example',
      token: 't',
      patterns: ['a.yaml', 'x/**/*.yaml'],
    });
  });

  it('reads --strict, and leaves it out when absent', () => {
    expect(parseCliArgs(['validate', '--strict', 'a.yaml'])).toEqual({
      command: 'validate',
      format: 'text',
      strict: true,
      patterns: ['a.yaml'],
    });
    expect(parseCliArgs(['validate'])).not.toHaveProperty('strict');
  });

  it('takes the token from STRATA_CATALOG_TOKEN when --token is absent', () => {
    expect(
      parseCliArgs(['validate', '--portal', 'http://localhost:7007'], {
        STRATA_CATALOG_TOKEN: 'env',
      }),
    ).toMatchObject({
      token: 'env',
    });
  });

  it('asks for help', () => {
    expect(parseCliArgs(['--help'])).toEqual({ command: 'help' });
    expect(parseCliArgs(['validate', '-h'])).toEqual({ command: 'help' });
  });

  it.each([
    [[], 'missing command'],
    [['check'], 'unknown command "check"'],
    [
      ['validate', '--format', 'xml'],
      '--format must be one of text, github, json, got "xml"',
    ],
    [['validate', '--verbose'], "Unknown option '--verbose'"],
    [
      ['validate', '--portal', 'portal.example'],
      '--portal must be an absolute URL',
    ],
    [
      ['validate', '--portal', 'ftp://portal.example'],
      '--portal must be an http(s) URL',
    ],
    [['validate', '--token', 't'], '--token is only used with --portal'],
    [['validate', '--format'], "Option '--format <value>' argument missing"],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
