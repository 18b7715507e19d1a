import { checkYamlSyntax } from './yamlSyntax';

describe('yaml-syntax', () => {
  it('turns parser problems into findings with a hint per error code', () => {
    expect(
      checkYamlSyntax([
        {
          severity: 'error',
          code: 'DUPLICATE_KEY',
          message: 'Map keys must be unique',
          line: 3,
          column: 1,
        },
        {
          severity: 'warning',
          code: 'TAG_RESOLVE_FAILED',
          message: 'Unresolved tag: !foo',
          line: 5,
          column: 7,
        },
      ]),
    ).toEqual([
      {
        line: 3,
        column: 1,
        severity: 'error',
        message: 'YAML syntax error: Map keys must be unique',
        hint: expect.stringContaining('only once'),
      },
      {
        line: 5,
        column: 7,
        severity: 'warning',
        message: 'YAML warning: Unresolved tag: !foo',
        hint: expect.stringContaining('Fix the YAML syntax'),
      },
    ]);
  });
});
